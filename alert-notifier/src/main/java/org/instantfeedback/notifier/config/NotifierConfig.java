package org.instantfeedback.notifier.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.instantfeedback.config.ClientSettings;
import org.instantfeedback.notifier.routing.InvalidRoutesException;
import org.instantfeedback.notifier.routing.RoutesFile;
import org.instantfeedback.notifier.routing.Target;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParsers;

/**
 * Everything alert-notifier reads from its environment, checked once at start-up. Besides the
 * {@link #SETTINGS}, every {@code KAFKA_*} variable becomes a Kafka client property
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

    public static final Setting<Integer> NOTIFIER_HTTP_PORT = Setting.port("NOTIFIER_HTTP_PORT", 8095,
            "Port of the health and metrics API; 0 picks a free one.");
    public static final Setting<String> NOTIFIER_ROUTES_FILE = Setting.required("NOTIFIER_ROUTES_FILE",
            ValueParsers.text(), "JSON file of the targets (Slack or signed webhook), which alerts each gets; a"
                    + " mistake stops start-up naming the file and the entry.");
    private static final Setting<String> NOTIFIER_GROUP_ID = Setting.text("NOTIFIER_GROUP_ID", "alert-notifier",
            "Consumer group prefix; each target keeps its own offsets in <prefix>.<target name>.");
    private static final Setting<Duration> NOTIFIER_RETRY_INITIAL_BACKOFF = Setting.duration(
            "NOTIFIER_RETRY_INITIAL_BACKOFF", "PT1S",
            "Wait before the first retry of a failed delivery, ISO-8601; doubles with every retry.");
    private static final Setting<Duration> NOTIFIER_RETRY_MAX_BACKOFF = Setting.duration(
            "NOTIFIER_RETRY_MAX_BACKOFF", "PT5M", "Cap of the retry wait, ISO-8601; retries go on until the target"
                    + " answers.");
    private static final Setting<Duration> NOTIFIER_REQUEST_TIMEOUT = Setting.duration("NOTIFIER_REQUEST_TIMEOUT",
            "PT10S", "Longest a webhook call may take before it counts as failed and is retried, ISO-8601.");
    /** Read through {@link ClientSettings}, as every {@code KAFKA_*} variable; declared for the reference. */
    private static final Setting<String> KAFKA_BOOTSTRAP_SERVERS = Setting.text("KAFKA_BOOTSTRAP_SERVERS",
            "localhost:9092", "Kafka brokers to connect to (bootstrap.servers).");
    /** Read through {@link ClientSettings}, as every {@code SCHEMA_REGISTRY_*} variable; declared for the reference. */
    private static final Setting<String> SCHEMA_REGISTRY_URL = Setting.text("SCHEMA_REGISTRY_URL",
            "http://localhost:8081", "Confluent-compatible schema registry URL(s), comma-separated"
                    + " (schema.registry.url).");

    public static final List<Setting<?>> SETTINGS = List.of(NOTIFIER_HTTP_PORT, NOTIFIER_ROUTES_FILE,
            NOTIFIER_GROUP_ID, NOTIFIER_RETRY_INITIAL_BACKOFF, NOTIFIER_RETRY_MAX_BACKOFF, NOTIFIER_REQUEST_TIMEOUT,
            KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL);

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
        Duration initial = NOTIFIER_RETRY_INITIAL_BACKOFF.from(env);
        Duration max = NOTIFIER_RETRY_MAX_BACKOFF.from(env);
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(NOTIFIER_RETRY_MAX_BACKOFF + " must be at least "
                    + NOTIFIER_RETRY_INITIAL_BACKOFF + " (" + initial + "), was " + max);
        }
        return new NotifierConfig(
                NOTIFIER_HTTP_PORT.from(env),
                NOTIFIER_GROUP_ID.from(env),
                targets(env),
                new RetryPolicy(initial, max),
                NOTIFIER_REQUEST_TIMEOUT.from(env),
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
        if (!NOTIFIER_ROUTES_FILE.isSetIn(env)) {
            throw new IllegalArgumentException(NOTIFIER_ROUTES_FILE + " must name the routes file (JSON list of"
                    + " targets); without targets the notifier would have nowhere to deliver alerts");
        }
        String value = NOTIFIER_ROUTES_FILE.from(env);
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
        settings.putIfAbsent(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA_BOOTSTRAP_SERVERS.from(env));
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

}
