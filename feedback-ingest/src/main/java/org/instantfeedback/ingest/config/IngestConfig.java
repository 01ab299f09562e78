package org.instantfeedback.ingest.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.instantfeedback.contacts.ContactSettings;
import org.instantfeedback.service.settings.Setting;

/**
 * Everything feedback-ingest reads from its environment, grouped by concern so that each part of
 * the service takes only the settings it uses, checked once at start-up so a bad value stops the
 * service with a message naming the variable (or, for the SMS rules file, the line) instead of
 * failing on the first request. Blank values count as unset. Besides the {@link #SETTINGS}, every
 * {@code KAFKA_*} variable becomes a Kafka client property and every {@code SCHEMA_REGISTRY_*} one a
 * serde property.
 *
 * @param http        the HTTP edge: port, body limit, trusted proxies
 * @param publishing  the Kafka producer, the schema registry, and what clients are told when they are away
 * @param pseudonyms  the key of the senders' pseudonyms, and local mode
 * @param twilio      the Twilio channels (SMS and voice): auth token, public URL, SMS reply
 * @param voice       what a caller of the Twilio voice channel hears
 * @param smsGateways the SMS gateways' channel
 * @param kiosks      the kiosks' batch channel
 * @param subjects    which subjects feedback may be about, and how SMS name them
 * @param rateLimits  per-client and per-sender request limits
 * @param dedup       what this instance remembers of the events it stored
 * @param contactRequests what passengers can ask for by SMS (erasure phrases) and the replies that confirm it
 * @param contacts    the operator's key that seals passengers' numbers so ops can answer them; unset: no answers
 */
public record IngestConfig(
        HttpSettings http,
        PublishSettings publishing,
        PseudonymSettings pseudonyms,
        TwilioSettings twilio,
        VoiceSettings voice,
        SmsGatewaySettings smsGateways,
        KioskSettings kiosks,
        SubjectSettings subjects,
        RateLimitSettings rateLimits,
        DedupSettings dedup,
        ContactRequestSettings contactRequests,
        ContactSettings contacts) {

    /** Every variable feedback-ingest reads, besides the {@code KAFKA_*}/{@code SCHEMA_REGISTRY_*} pass-through. */
    public static final List<Setting<?>> SETTINGS = Stream.of(HttpSettings.SETTINGS, PublishSettings.SETTINGS,
                    PseudonymSettings.SETTINGS, TwilioSettings.SETTINGS, VoiceSettings.SETTINGS,
                    SmsGatewaySettings.SETTINGS, KioskSettings.SETTINGS, SubjectSettings.SETTINGS,
                    RateLimitSettings.SETTINGS, DedupSettings.SETTINGS, ContactRequestSettings.SETTINGS,
                    ContactSettings.SETTINGS)
            .flatMap(List::stream).toList();

    public IngestConfig {
        Stream.of(http, publishing, pseudonyms, twilio, voice, smsGateways, kiosks, subjects, rateLimits, dedup,
                        contactRequests, contacts)
                .forEach(Objects::requireNonNull);
    }

    /** Reads and checks the configuration; throws {@link IllegalArgumentException} naming the bad variable. */
    public static IngestConfig from(Map<String, String> env) {
        Map<String, String> given = withoutBlanks(env);
        return new IngestConfig(
                HttpSettings.from(given),
                PublishSettings.from(given),
                PseudonymSettings.from(given),
                TwilioSettings.from(given),
                VoiceSettings.from(given),
                SmsGatewaySettings.from(given),
                KioskSettings.from(given),
                SubjectSettings.from(given),
                RateLimitSettings.from(given),
                DedupSettings.from(given),
                ContactRequestSettings.from(given),
                ContactSettings.from(given));
    }

    /** Blank values count as unset, also for the Kafka and registry pass-through; the rest is trimmed. */
    private static Map<String, String> withoutBlanks(Map<String, String> env) {
        Map<String, String> given = new HashMap<>();
        env.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(name, value.trim());
            }
        });
        return given;
    }
}
