package org.instantfeedback.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.instantfeedback.contacts.ContactSettings;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.twilio.TwilioApiStandIn;
import org.instantfeedback.ingest.IngestApp;
import org.instantfeedback.ingest.config.HttpSettings;
import org.instantfeedback.ingest.config.IngestConfig;
import org.instantfeedback.ingest.config.PseudonymSettings;
import org.instantfeedback.ingest.config.PublishSettings;
import org.instantfeedback.ingest.config.RateLimitSettings;
import org.instantfeedback.streams.StreamsApp;
import org.instantfeedback.streams.config.StreamsAppConfig;

/** The services configured as operators configure them (environment variables), on OS-chosen ports. */
final class Services {
    /** The bearer token the query API of every streams instance here accepts (STREAMS_API_TOKENS). */
    static final String QUERY_TOKEN = "fault-tests-query-token-5d0c2a71";

    private Services() {
    }

    /** feedback-ingest with rate limits off (the load comes from few clients) and a real pseudonym secret. */
    static Map<String, String> ingestEnv(KafkaAndRegistry kafka, String registryUrl) {
        Map<String, String> env = new HashMap<>();
        env.put(HttpSettings.HTTP_PORT.name(), "0");
        env.put(PublishSettings.KAFKA_BOOTSTRAP_SERVERS.name(), kafka.bootstrapServers());
        env.put(PublishSettings.SCHEMA_REGISTRY_URL.name(), registryUrl);
        env.put(PseudonymSettings.PSEUDONYM_SECRET.name(), "fault-tests-only-pseudonym-secret-0123456789");
        env.put(RateLimitSettings.RATE_LIMIT_ENABLED.name(), "false");
        env.put(PublishSettings.PUBLISH_TIMEOUT_MS.name(), "2000");
        env.put(PublishSettings.RETRY_AFTER_SECONDS.name(), "1");
        return env;
    }

    static IngestApp startIngest(Map<String, String> env) {
        return IngestApp.create(IngestConfig.from(env)).start();
    }

    /** feedback-streams on its default windows, with its own state directory under {@code dir}. */
    static Map<String, String> streamsEnv(KafkaAndRegistry kafka, String registryUrl, String applicationId, Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put(StreamsAppConfig.STREAMS_HTTP_PORT, "0");
        env.put(StreamsAppConfig.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        env.put(StreamsAppConfig.SCHEMA_REGISTRY_URL, registryUrl);
        env.put(StreamsAppConfig.KAFKA_APPLICATION_ID, applicationId);
        env.put("STREAMS_API_AUTH", "token");
        env.put("STREAMS_API_TOKENS", QUERY_TOKEN);
        try {
            env.put(StreamsAppConfig.KAFKA_STATE_DIR, Files.createDirectories(dir).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }

    static StreamsApp startStreams(Map<String, String> env) {
        StreamsApp app = StreamsApp.create(StreamsAppConfig.from(env));
        app.start();
        return app;
    }

    /**
     * The reply sender of group {@code group} (its transactional id too, so a restart fences the
     * instance it replaces), texting through {@code twilio} with its account's credentials.
     *
     * @param statusCallback feedback-ingest's status endpoint, where Twilio reports deliveries
     * @param timeout        how long one call to Twilio waits for its answer
     */
    static Map<String, String> replySenderEnv(KafkaAndRegistry kafka, String kek, String group,
                                              TwilioApiStandIn twilio, String authToken, URI statusCallback,
                                              Duration timeout) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", kafka.schemaRegistryUrl());
        env.put(ContactSettings.CONTACT_KEK.name(), kek);
        env.put("REPLY_SENDER_HTTP_PORT", "0");
        env.put("REPLY_SENDER_GROUP_ID", group);
        env.put("REPLY_SENDER_TRANSACTIONAL_ID", group);
        env.put("REPLY_PROVIDER", "twilio");
        env.put("REPLY_TWILIO_ACCOUNT_SID", twilio.accountSid());
        env.put("REPLY_TWILIO_AUTH_TOKEN", authToken);
        env.put("REPLY_TWILIO_API_BASE_URL", twilio.baseUrl());
        env.put("REPLY_TWILIO_TIMEOUT", timeout.toString());
        env.put("REPLY_STATUS_CALLBACK_URL", statusCallback.toString());
        return env;
    }

    /** An operator's key for passengers' numbers (CONTACT_KEK): 32 random bytes, base64. */
    static String contactKek() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
