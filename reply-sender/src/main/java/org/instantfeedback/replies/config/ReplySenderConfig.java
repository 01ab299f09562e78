package org.instantfeedback.replies.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.instantfeedback.config.ClientSettings;
import org.instantfeedback.contacts.ContactSettings;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.replies.provider.GatewaySenderSettings;
import org.instantfeedback.replies.provider.TwilioSenderSettings;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParser;
import org.instantfeedback.service.settings.ValueParsers;

/**
 * Everything the reply sender reads from its environment, checked once at start-up. Besides the
 * {@link #SETTINGS}, the chosen provider's settings ({@link TwilioSenderSettings#SETTINGS} or
 * {@link GatewaySenderSettings#SETTINGS}) and {@link ContactSettings#SETTINGS}, every {@code KAFKA_*}
 * variable becomes a Kafka client property and every {@code SCHEMA_REGISTRY_*} one a serde property.
 * Always set, for the consumer: {@code isolation.level=read_committed} and
 * {@code enable.auto.commit=false}, since a reply's offset is committed only in the transaction that
 * marks it SENDING.
 *
 * @param httpPort         port of the health and metrics API; 0 lets the OS pick one
 * @param groupId          consumer group of the senders
 * @param transactionalId  the transactional id of this instance's producer; unique per instance
 * @param provider         the SMS provider and its settings
 * @param statusCallback   the public URL of feedback-ingest's status endpoint, when the provider should report
 * @param retryLimit       how long a reply that was certainly not sent is retried before it is FAILED
 * @param contacts         the contact keys, to open passengers' numbers
 * @param kafkaSettings    Kafka client properties, defaults included
 * @param registrySettings serde properties ({@code schema.registry.url}, ...), defaults included
 */
public record ReplySenderConfig(
        int httpPort,
        String groupId,
        String transactionalId,
        ProviderSettings provider,
        Optional<URI> statusCallback,
        Duration retryLimit,
        ContactSettings contacts,
        Map<String, Object> kafkaSettings,
        Map<String, Object> registrySettings) {

    public static final Setting<Integer> REPLY_SENDER_HTTP_PORT = Setting.port("REPLY_SENDER_HTTP_PORT", 8082,
            "Port of the health and metrics API; 0 picks a free one.");
    public static final Setting<String> REPLY_PROVIDER = Setting.required("REPLY_PROVIDER",
            ValueParsers.oneOf("twilio", "gateway"), "Who sends the SMS: twilio (Messages API, REPLY_TWILIO_*)"
                    + " or gateway (a generic SMS gateway's webhook, REPLY_GATEWAY_*).");
    public static final Setting<Optional<URI>> REPLY_STATUS_CALLBACK_URL = Setting.optional(
            "REPLY_STATUS_CALLBACK_URL", callbackUrl(), "Public URL of feedback-ingest's status endpoint (like"
                    + " https://feedback.example.com/v1/sms/twilio/status); each reply's own query"
                    + " (reply, conversation, contact) is appended. Unset: no delivery reports.");
    public static final Setting<Duration> REPLY_RETRY_LIMIT = Setting.duration("REPLY_RETRY_LIMIT", "PT10M",
            "How long a reply the provider certainly did not take (unreachable, rate limited) is retried,"
                    + " with backoff from 1 s doubling to 30 s, before it is FAILED (gave-up).");
    public static final Setting<String> REPLY_SENDER_GROUP_ID = Setting.text("REPLY_SENDER_GROUP_ID",
            "reply-sender", "Consumer group of the reply senders; every instance of one deployment shares it.");
    public static final Setting<Optional<String>> REPLY_SENDER_TRANSACTIONAL_ID = Setting.optional(
            "REPLY_SENDER_TRANSACTIONAL_ID", ValueParsers.text(), "Transactional id of this instance's producer;"
                    + " must differ between instances running at once and stay the same across restarts of"
                    + " one, so a restart fences the instance it replaces.")
            .shownAs("reply-sender-<host name>");
    /** Read through {@link ClientSettings}, as every {@code KAFKA_*} variable; declared for the reference. */
    private static final Setting<String> KAFKA_BOOTSTRAP_SERVERS = Setting.text("KAFKA_BOOTSTRAP_SERVERS",
            "localhost:9092", "Kafka brokers to connect to (bootstrap.servers).");
    /** Read through {@link ClientSettings}, as every {@code SCHEMA_REGISTRY_*} variable; declared for the reference. */
    private static final Setting<String> SCHEMA_REGISTRY_URL = Setting.text("SCHEMA_REGISTRY_URL",
            "http://localhost:8081", "Confluent-compatible schema registry URL(s), comma-separated"
                    + " (schema.registry.url).");

    public static final List<Setting<?>> SETTINGS = List.of(REPLY_SENDER_HTTP_PORT, REPLY_PROVIDER,
            REPLY_STATUS_CALLBACK_URL, REPLY_RETRY_LIMIT, REPLY_SENDER_GROUP_ID, REPLY_SENDER_TRANSACTIONAL_ID,
            KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL);

    public ReplySenderConfig {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(transactionalId, "transactionalId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(statusCallback, "statusCallback");
        Objects.requireNonNull(retryLimit, "retryLimit");
        Objects.requireNonNull(contacts, "contacts");
        kafkaSettings = Map.copyOf(kafkaSettings);
        registrySettings = Map.copyOf(registrySettings);
    }

    /**
     * Reads the configuration; fails with a message naming the variable that is missing or
     * malformed, the provider's included.
     */
    public static ReplySenderConfig from(Map<String, String> env) {
        ContactSettings contacts = ContactSettings.from(env);
        if (!contacts.enabled()) {
            throw new IllegalArgumentException(ContactSettings.CONTACT_KEK + " must be set: the reply sender opens"
                    + " passengers' sealed numbers with it, and without it could send no reply");
        }
        return new ReplySenderConfig(
                REPLY_SENDER_HTTP_PORT.from(env),
                REPLY_SENDER_GROUP_ID.from(env),
                REPLY_SENDER_TRANSACTIONAL_ID.from(env).orElseGet(ReplySenderConfig::hostTransactionalId),
                provider(env),
                REPLY_STATUS_CALLBACK_URL.from(env),
                REPLY_RETRY_LIMIT.from(env),
                contacts,
                kafkaSettings(env),
                ClientSettings.schemaRegistryWithDefaults(env));
    }

    /** Every variable the reply sender reads, its provider's of both kinds included, for the reference. */
    public static List<Setting<?>> allSettings() {
        List<Setting<?>> all = new ArrayList<>(SETTINGS);
        all.addAll(TwilioSenderSettings.SETTINGS);
        all.addAll(GatewaySenderSettings.SETTINGS);
        all.addAll(ContactSettings.SETTINGS);
        return List.copyOf(all);
    }

    public String bootstrapServers() {
        return String.valueOf(kafkaSettings.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    public String schemaRegistryUrl() {
        return String.valueOf(registrySettings.get(SchemaRegistrySettings.URL));
    }

    private static ProviderSettings provider(Map<String, String> env) {
        String choice = REPLY_PROVIDER.from(env);
        try {
            return switch (choice) {
                case "twilio" -> new ProviderSettings.Twilio(TwilioSenderSettings.from(env));
                case "gateway" -> new ProviderSettings.Gateway(GatewaySenderSettings.from(env));
                default -> throw new IllegalStateException("oneOf let through " + choice);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(REPLY_PROVIDER + "=" + choice + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> kafkaSettings(Map<String, String> env) {
        Map<String, Object> settings = ClientSettings.withoutBlanks(ClientSettings.kafka(env));
        settings.putIfAbsent(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA_BOOTSTRAP_SERVERS.from(env));
        // Only replies feedback-streams committed; an aborted one was never asked for.
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        if ("true".equalsIgnoreCase(String.valueOf(settings.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)))) {
            throw new IllegalArgumentException("KAFKA_ENABLE_AUTO_COMMIT must not be true: a reply's offset is"
                    + " committed only in the transaction that marks it SENDING");
        }
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return settings;
    }

    private static String hostTransactionalId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(REPLY_SENDER_TRANSACTIONAL_ID + " must be set: the host name,"
                        + " its default, is unknown (" + e.getMessage() + ")", e);
            }
        }
        return "reply-sender-" + host;
    }

    private static ValueParser<URI> callbackUrl() {
        return text -> {
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be an absolute https URL");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("must be an absolute http(s) URL without fragment, like"
                        + " https://feedback.example.com/v1/sms/twilio/status");
            }
            return uri;
        };
    }

    /** Leaves out the client properties, which may hold credentials ({@code sasl.jaas.config}). */
    @Override
    public String toString() {
        return "ReplySenderConfig[httpPort=" + httpPort + ", groupId=" + groupId + ", transactionalId="
                + transactionalId + ", provider=" + provider + ", statusCallback="
                + statusCallback.map(URI::toString).orElse("none") + ", retryLimit=" + retryLimit + ", contacts="
                + contacts + "]";
    }
}
