package org.instantfeedback.notifier.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.instantfeedback.config.ClientSettings;
import org.instantfeedback.config.ConfigVariable;
import org.instantfeedback.notifier.routing.InvalidRoutesException;
import org.instantfeedback.notifier.routing.RoutesFile;
import org.instantfeedback.notifier.routing.Target;
import org.instantfeedback.registry.SchemaRegistrySettings;

/**
 * Everything alert-notifier reads from its environment, checked once at start-up. Besides the
 * {@link #VARIABLES}, every {@code KAFKA_*} variable becomes a Kafka client property
 * ({@code KAFKA_SECURITY_PROTOCOL} -> {@code security.protocol}) and every {@code SCHEMA_REGISTRY_*}
 * one a serde property. Set by default, for the consumers: {@code isolation.level=read_committed}
 * (only alerts feedback-streams committed), {@code auto.offset.reset=latest} (a new notifier does
 * not replay the topic's history into Slack) and, always, {@code enable.auto.commit=false}.
 *
 * @param httpPort         port of the health and metrics API; 0 lets the OS pick one
 * @param groupIdPrefix    consumer group of the notifier; each target consumes in {@code <prefix>.<target>}
 * @param targets          where alerts go, from the routes file
 * @param retry            backoff of failed deliveries
 * @param requestTimeout   longest one webhook call may take before it counts as failed
 * @param kafkaSettings    Kafka client properties, defaults included
 * @param registrySettings serde properties ({@code schema.registry.url}, ...), defaults included
 */
public record NotifierConfig(
        int httpPort,
        String groupIdPrefix,
        List<Target> targets,
        RetryPolicy retry,
        Duration requestTimeout,
        Map<String, Object> kafkaSettings,
        Map<String, Object> registrySettings) {

    public static final String NOTIFIER_HTTP_PORT = "NOTIFIER_HTTP_PORT";
    public static final String NOTIFIER_ROUTES_FILE = "NOTIFIER_ROUTES_FILE";
    public static final String NOTIFIER_GROUP_ID = "NOTIFIER_GROUP_ID";
    public static final String NOTIFIER_RETRY_INITIAL_BACKOFF = "NOTIFIER_RETRY_INITIAL_BACKOFF";
    public static final String NOTIFIER_RETRY_MAX_BACKOFF = "NOTIFIER_RETRY_MAX_BACKOFF";
    public static final String NOTIFIER_REQUEST_TIMEOUT = "NOTIFIER_REQUEST_TIMEOUT";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";

    public static final List<ConfigVariable> VARIABLES = List.of(
            new ConfigVariable(NOTIFIER_HTTP_PORT, "8095", "Port of the health and metrics API; 0 picks a free one."),
            new ConfigVariable(NOTIFIER_ROUTES_FILE, null,
                    "JSON file of the targets (Slack or signed webhook), which alerts each gets; a mistake stops"
                            + " start-up naming the file and the entry."),
            new ConfigVariable(NOTIFIER_GROUP_ID, "alert-notifier",
                    "Consumer group prefix; each target keeps its own offsets in <prefix>.<target name>."),
            new ConfigVariable(NOTIFIER_RETRY_INITIAL_BACKOFF, "PT1S",
                    "Wait before the first retry of a failed delivery, ISO-8601; doubles with every retry."),
            new ConfigVariable(NOTIFIER_RETRY_MAX_BACKOFF, "PT5M",
                    "Cap of the retry wait, ISO-8601; retries go on until the target answers."),
            new ConfigVariable(NOTIFIER_REQUEST_TIMEOUT, "PT10S",
                    "Longest a webhook call may take before it counts as failed and is retried, ISO-8601."),
            new ConfigVariable(KAFKA_BOOTSTRAP_SERVERS, "localhost:9092", "Kafka brokers to connect to (bootstrap.servers)."),
            new ConfigVariable(SCHEMA_REGISTRY_URL, "http://localhost:8081",
                    "Confluent-compatible schema registry URL(s), comma-separated (schema.registry.url)."));

    public NotifierConfig {
        Objects.requireNonNull(groupIdPrefix, "groupIdPrefix");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        targets = List.copyOf(targets);
        kafkaSettings = Map.copyOf(kafkaSettings);
        registrySettings = Map.copyOf(registrySettings);
    }

    /**
     * Reads the configuration; fails with a message naming the variable (and, for the routes file,
     * the file and the entry) that is missing or malformed.
     */
    public static NotifierConfig from(Map<String, String> env) {
        Duration initial = positiveDuration(env, NOTIFIER_RETRY_INITIAL_BACKOFF, "PT1S");
        Duration max = positiveDuration(env, NOTIFIER_RETRY_MAX_BACKOFF, "PT5M");
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(NOTIFIER_RETRY_MAX_BACKOFF + " must be at least "
                    + NOTIFIER_RETRY_INITIAL_BACKOFF + " (" + initial + "), was " + max);
        }
        return new NotifierConfig(
                port(env),
                valueOf(env, NOTIFIER_GROUP_ID, "alert-notifier"),
                targets(env),
                new RetryPolicy(initial, max),
                positiveDuration(env, NOTIFIER_REQUEST_TIMEOUT, "PT10S"),
                kafkaSettings(env),
                ClientSettings.schemaRegistryWithDefaults(env));
    }

    public String bootstrapServers() {
        return String.valueOf(kafkaSettings.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    public String schemaRegistryUrl() {
        return String.valueOf(registrySettings.get(SchemaRegistrySettings.URL));
    }

    private static List<Target> targets(Map<String, String> env) {
        String value = valueOf(env, NOTIFIER_ROUTES_FILE, "");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(NOTIFIER_ROUTES_FILE + " must name the routes file (JSON list of"
                    + " targets); without targets the notifier would have nowhere to deliver alerts");
        }
        String text;
        try {
            text = Files.readString(Path.of(value));
        } catch (InvalidPathException | IOException e) {
            throw new IllegalArgumentException(NOTIFIER_ROUTES_FILE + " must name a readable file, was '" + value
                    + "': " + e.getMessage(), e);
        }
        try {
            return RoutesFile.parse(text, env);
        } catch (InvalidRoutesException e) {
            throw new IllegalArgumentException(NOTIFIER_ROUTES_FILE + ": " + value + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> kafkaSettings(Map<String, String> env) {
        Map<String, Object> settings = ClientSettings.withoutBlanks(ClientSettings.kafka(env));
        settings.putIfAbsent(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        settings.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // Offsets are committed only after a delivery; an automatic commit could pass an alert
        // that never reached its target.
        if ("true".equalsIgnoreCase(String.valueOf(settings.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)))) {
            throw new IllegalArgumentException("KAFKA_ENABLE_AUTO_COMMIT must not be true: the notifier commits an"
                    + " offset only once the alert was delivered");
        }
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return settings;
    }


    private static Duration positiveDuration(Map<String, String> env, String name, String fallback) {
        String value = valueOf(env, name, fallback);
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as " + fallback
                    + ", was '" + value + "'");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
        return duration;
    }

    private static int port(Map<String, String> env) {
        String value = valueOf(env, NOTIFIER_HTTP_PORT, "8095");
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(NOTIFIER_HTTP_PORT + " must be a port number between 0 and 65535, was '"
                + value + "'");
    }

    private static String valueOf(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
