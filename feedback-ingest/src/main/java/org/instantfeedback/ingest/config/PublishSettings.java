package org.instantfeedback.ingest.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.instantfeedback.config.ClientSettings;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParser;

/**
 * How feedback is stored: the Kafka producer and the schema registry, and what a client is told
 * when they are away.
 *
 * @param publishTimeout    longest a request waits for Kafka to acknowledge its event
 * @param retryAfterSeconds what 503 answers tell clients in {@code Retry-After}
 * @param kafka             Kafka client properties from every {@code KAFKA_*} variable
 * @param schemaRegistry    serde properties from every {@code SCHEMA_REGISTRY_*} variable
 */
public record PublishSettings(Duration publishTimeout, int retryAfterSeconds, Map<String, Object> kafka,
                              Map<String, Object> schemaRegistry) {
    public static final Setting<String> KAFKA_BOOTSTRAP_SERVERS = Setting.text("KAFKA_BOOTSTRAP_SERVERS",
            "localhost:9092", "Kafka brokers to connect to. Every other KAFKA_* variable is passed to the Kafka"
                    + " clients as a property (KAFKA_SASL_JAAS_CONFIG -> sasl.jaas.config).");
    public static final Setting<String> SCHEMA_REGISTRY_URL = Setting.text("SCHEMA_REGISTRY_URL",
            "http://localhost:8081", "Confluent-compatible schema registry (comma-separated URLs). Every other"
                    + " SCHEMA_REGISTRY_* variable is passed to the Avro serde (SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO"
                    + " -> schema.registry.basic.auth.user.info).");
    public static final Setting<Integer> PUBLISH_TIMEOUT_MS = Setting.wholeNumber("INGEST_PUBLISH_TIMEOUT_MS", 5_000,
            100, 600_000,
            "Longest a request waits for Kafka to acknowledge its event before answering 503 (100-600000).");
    public static final Setting<Integer> RETRY_AFTER_SECONDS = Setting.wholeNumber("INGEST_RETRY_AFTER_SECONDS", 5,
            1, 3_600, "Seconds sent in the Retry-After header of 503 answers (1-3600).");
    private static final Setting<String> KAFKA_ACKS = Setting.of("KAFKA_ACKS", "all", safeGuarantee("all", "-1"),
            "Only 'all' (or -1) is accepted: feedback is acknowledged only once all in-sync replicas have it.");
    private static final Setting<String> KAFKA_ENABLE_IDEMPOTENCE = Setting.of("KAFKA_ENABLE_IDEMPOTENCE", "true",
            safeGuarantee("true"), "Only 'true' is accepted: retries must not duplicate feedback.");

    static final List<Setting<?>> SETTINGS = List.of(KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, PUBLISH_TIMEOUT_MS,
            RETRY_AFTER_SECONDS, KAFKA_ACKS, KAFKA_ENABLE_IDEMPOTENCE);

    public PublishSettings {
        kafka = Map.copyOf(kafka);
        schemaRegistry = Map.copyOf(schemaRegistry);
    }

    static PublishSettings from(Map<String, String> env) {
        KAFKA_ACKS.from(env);
        KAFKA_ENABLE_IDEMPOTENCE.from(env);
        return new PublishSettings(Duration.ofMillis(PUBLISH_TIMEOUT_MS.from(env)), RETRY_AFTER_SECONDS.from(env),
                kafkaSettings(env), ClientSettings.schemaRegistryWithDefaults(env));
    }

    public String bootstrapServers() {
        return String.valueOf(kafka.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    }

    public String schemaRegistryUrl() {
        return String.valueOf(schemaRegistry.get(SchemaRegistrySettings.URL));
    }

    /** The producer guarantee feedback-ingest's answers rest on; anything weaker stops the service. */
    private static ValueParser<String> safeGuarantee(String... allowed) {
        return text -> {
            if (List.of(allowed).contains(text.toLowerCase(Locale.ROOT))) {
                return text;
            }
            throw new IllegalArgumentException("must be " + String.join(" or ", allowed) + " (feedback-ingest"
                    + " answers 2xx only for feedback Kafka has stored without duplicates)");
        };
    }

    private static Map<String, Object> kafkaSettings(Map<String, String> env) {
        Map<String, Object> settings = ClientSettings.kafka(env);
        settings.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KAFKA_BOOTSTRAP_SERVERS.from(env));
        return settings;
    }

    /**
     * The settings with those that can hold credentials ({@code sasl.jaas.config},
     * {@code ssl.key.password}, {@code basic.auth.user.info}, ...) hidden: they pass through from the
     * environment as plain strings, not as {@link Secret}s.
     */
    @Override
    public String toString() {
        return "PublishSettings[publishTimeout=" + publishTimeout + ", retryAfterSeconds=" + retryAfterSeconds
                + ", kafka=" + withoutCredentials(kafka) + ", schemaRegistry=" + withoutCredentials(schemaRegistry)
                + "]";
    }

    private static Map<String, Object> withoutCredentials(Map<String, Object> settings) {
        Map<String, Object> shown = new TreeMap<>();
        settings.forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            boolean credential = key.contains("password") || key.contains("jaas") || key.contains("secret")
                    || key.contains("user.info") || key.contains("token") || key.endsWith(".key");
            shown.put(name, credential ? "[hidden]" : value);
        });
        return shown;
    }
}
