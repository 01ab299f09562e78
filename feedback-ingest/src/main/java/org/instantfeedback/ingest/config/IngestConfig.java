package org.instantfeedback.ingest.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.ConfigException;
import org.instantfeedback.config.ClientSettings;
import org.instantfeedback.config.ConfigVariable;
import org.instantfeedback.registry.SchemaRegistrySettings;

/**
 * Everything feedback-ingest reads from its environment, checked once at start-up so a bad value
 * stops the service with a message naming the variable instead of failing on the first request.
 * Blank values count as unset.
 *
 * @param httpPort          port of the HTTP API; 0 lets the OS choose one
 * @param publishTimeout    longest a request waits for Kafka to acknowledge its event
 * @param retryAfterSeconds what 503 answers tell clients in {@code Retry-After}
 * @param maxBodyBytes      largest request body accepted
 * @param kafka             Kafka client properties from every {@code KAFKA_*} variable
 * @param schemaRegistry    serde properties from every {@code SCHEMA_REGISTRY_*} variable
 */
public record IngestConfig(
        int httpPort,
        Duration publishTimeout,
        int retryAfterSeconds,
        int maxBodyBytes,
        Map<String, Object> kafka,
        Map<String, Object> schemaRegistry) {

    public static final String HTTP_PORT = "INGEST_HTTP_PORT";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";
    public static final String PUBLISH_TIMEOUT_MS = "INGEST_PUBLISH_TIMEOUT_MS";
    public static final String RETRY_AFTER_SECONDS = "INGEST_RETRY_AFTER_SECONDS";
    public static final String MAX_BODY_BYTES = "INGEST_MAX_BODY_BYTES";
    public static final String KAFKA_ACKS = "KAFKA_ACKS";
    public static final String KAFKA_ENABLE_IDEMPOTENCE = "KAFKA_ENABLE_IDEMPOTENCE";

    public static final List<ConfigVariable> VARIABLES = List.of(
            new ConfigVariable(HTTP_PORT, "8080", "Port of the HTTP API (0 lets the OS choose)."),
            new ConfigVariable(KAFKA_BOOTSTRAP_SERVERS, "localhost:9092",
                    "Kafka brokers to connect to. Every other KAFKA_* variable is passed to the Kafka clients"
                            + " as a property (KAFKA_SASL_JAAS_CONFIG -> sasl.jaas.config)."),
            new ConfigVariable(SCHEMA_REGISTRY_URL, "http://localhost:8081",
                    "Confluent-compatible schema registry (comma-separated URLs). Every other SCHEMA_REGISTRY_*"
                            + " variable is passed to the Avro serde (SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO ->"
                            + " schema.registry.basic.auth.user.info)."),
            new ConfigVariable(PUBLISH_TIMEOUT_MS, "5000",
                    "Longest a request waits for Kafka to acknowledge its event before answering 503 (100-600000)."),
            new ConfigVariable(RETRY_AFTER_SECONDS, "5",
                    "Seconds sent in the Retry-After header of 503 answers (1-3600)."),
            new ConfigVariable(MAX_BODY_BYTES, "16384",
                    "Largest request body accepted, in bytes; larger bodies get 413 (1024-1048576)."),
            new ConfigVariable(KAFKA_ACKS, "all",
                    "Only 'all' (or -1) is accepted: feedback is acknowledged only once all in-sync replicas have it."),
            new ConfigVariable(KAFKA_ENABLE_IDEMPOTENCE, "true",
                    "Only 'true' is accepted: retries must not duplicate feedback."));

    static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";

    public IngestConfig {
        Objects.requireNonNull(publishTimeout, "publishTimeout");
        kafka = Map.copyOf(kafka);
        schemaRegistry = Map.copyOf(schemaRegistry);
    }

    /** Reads and checks the configuration; throws {@link IllegalArgumentException} naming the bad variable. */
    public static IngestConfig from(Map<String, String> env) {
        Map<String, String> given = withoutBlanks(env);
        requireOneOf(given, KAFKA_ACKS, List.of("all", "-1"));
        requireOneOf(given, KAFKA_ENABLE_IDEMPOTENCE, List.of("true"));
        return new IngestConfig(
                integer(given, HTTP_PORT, 8080, 0, 65_535),
                Duration.ofMillis(integer(given, PUBLISH_TIMEOUT_MS, 5_000, 100, 600_000)),
                integer(given, RETRY_AFTER_SECONDS, 5, 1, 3_600),
                integer(given, MAX_BODY_BYTES, 16_384, 1_024, 1_048_576),
                kafkaSettings(given),
                schemaRegistrySettings(given));
    }

    public String bootstrapServers() {
        return String.valueOf(kafka.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    }

    public String schemaRegistryUrl() {
        return String.valueOf(schemaRegistry.get(SchemaRegistrySettings.URL));
    }

    private static Map<String, Object> kafkaSettings(Map<String, String> env) {
        Map<String, Object> settings = ClientSettings.kafka(env);
        settings.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP_SERVERS);
        return settings;
    }

    private static Map<String, Object> schemaRegistrySettings(Map<String, String> env) {
        Map<String, Object> settings = ClientSettings.schemaRegistry(env);
        settings.putIfAbsent(SchemaRegistrySettings.URL, DEFAULT_SCHEMA_REGISTRY_URL);
        try {
            SchemaRegistrySettings.from(settings);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("invalid schema registry settings (" + SCHEMA_REGISTRY_URL
                    + " and the other SCHEMA_REGISTRY_* variables): " + e.getMessage(), e);
        }
        return settings;
    }

    private static Map<String, String> withoutBlanks(Map<String, String> env) {
        Map<String, String> given = new HashMap<>();
        env.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(name, value.trim());
            }
        });
        return given;
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        Optional<String> raw = Optional.ofNullable(env.get(name));
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below together with the range, which is what the operator needs to know
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max
                + ", but is '" + raw.get() + "'");
    }

    private static void requireOneOf(Map<String, String> env, String name, List<String> allowed) {
        String value = env.get(name);
        if (value != null && !allowed.contains(value.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(name + " must be " + String.join(" or ", allowed)
                    + ", but is '" + value + "': feedback-ingest answers 2xx only for feedback Kafka has stored"
                    + " without duplicates");
        }
    }
}
