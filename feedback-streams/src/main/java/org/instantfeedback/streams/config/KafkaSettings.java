package org.instantfeedback.streams.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.instantfeedback.config.ClientSettings;
import org.instantfeedback.config.Topics;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.streams.feedback.UnreadableRecordHandler;

/**
 * How feedback-streams reaches Kafka and the schema registry. Besides the {@link #SETTINGS}, every
 * {@code KAFKA_*} variable becomes a Kafka Streams / client property ({@code KAFKA_SECURITY_PROTOCOL}
 * -> {@code security.protocol}) and every {@code SCHEMA_REGISTRY_*} one a serde property
 * ({@code SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO} -> {@code schema.registry.basic.auth.user.info}); the
 * defaults here only fill what the operator left out. Set by default:
 * {@code processing.guarantee=exactly_once_v2}, {@code commit.interval.ms=100},
 * {@code statestore.cache.max.bytes=10485760},
 * {@code deserialization.exception.handler=UnreadableRecordHandler} and
 * {@code errors.dead.letter.queue.topic.name=feedback.deadletter.v1}.
 *
 * @param streams  Kafka Streams properties, defaults included
 * @param registry serde properties ({@code schema.registry.url}, ...), defaults included
 */
public record KafkaSettings(Map<String, Object> streams, Map<String, Object> registry) {
    /** Where the stores go unless KAFKA_STATE_DIR says otherwise. */
    static final String DEFAULT_STATE_DIR =
            Path.of(System.getProperty("java.io.tmpdir"), "feedback-streams").toString();

    /**
     * Dashboards must see a rating within about a second. Under exactly-once, output is visible to
     * read_committed consumers only once its transaction commits, so a commit every 100 ms.
     */
    private static final String DEFAULT_COMMIT_INTERVAL_MS = "100";
    /**
     * Kafka's own default, 10 MiB. The record cache is flushed at every commit, so it holds back
     * nothing the commit does not already hold back; what it does is fold the updates one CSAT
     * window gets within a commit into the last one. Under load that cuts the writes to changelog
     * and output topics per input record by about 45% and raised the drain rate by 17% in the
     * 1,000,000-event benchmark (docs/performance.md); at a trickle every update is still published.
     */
    private static final String DEFAULT_CACHE_MAX_BYTES = "10485760";

    private static final Setting<String> BOOTSTRAP_SERVERS = Setting.text(StreamsAppConfig.KAFKA_BOOTSTRAP_SERVERS,
            "localhost:9092", "Kafka brokers to connect to (bootstrap.servers).");
    private static final Setting<String> APPLICATION_ID = Setting.text(StreamsAppConfig.KAFKA_APPLICATION_ID,
            "feedback-streams",
            "Kafka Streams application.id: consumer group, transactional id and internal topic prefix.");
    private static final Setting<String> STATE_DIR = Setting.text(StreamsAppConfig.KAFKA_STATE_DIR, DEFAULT_STATE_DIR,
                    "Directory of the local state stores (state.dir); keep it on a volume so restarts need not"
                            + " restore.")
            .shownAs("${java.io.tmpdir}/feedback-streams");
    /** Checked, and its default filled, with the other SCHEMA_REGISTRY_* variables by {@link ClientSettings}. */
    private static final Setting<String> REGISTRY_URL = Setting.text(StreamsAppConfig.SCHEMA_REGISTRY_URL,
            "http://localhost:8081",
            "Confluent-compatible schema registry URL(s), comma-separated (schema.registry.url).");

    public static final List<Setting<?>> SETTINGS = List.of(BOOTSTRAP_SERVERS, APPLICATION_ID, STATE_DIR,
            REGISTRY_URL);

    public KafkaSettings {
        streams = Map.copyOf(streams);
        registry = Map.copyOf(registry);
    }

    /** Reads the settings; fails with a message naming the variable that is malformed. */
    public static KafkaSettings from(Map<String, String> env) {
        return new KafkaSettings(streams(env), ClientSettings.schemaRegistryWithDefaults(env));
    }

    /** The properties KafkaStreams is created with. */
    public Properties streamsProperties() {
        Properties properties = new Properties();
        properties.putAll(streams);
        return properties;
    }

    public String applicationId() {
        return String.valueOf(streams.get(StreamsConfig.APPLICATION_ID_CONFIG));
    }

    public String bootstrapServers() {
        return String.valueOf(streams.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    public String schemaRegistryUrl() {
        return String.valueOf(registry.get(SchemaRegistrySettings.URL));
    }

    private static Map<String, Object> streams(Map<String, String> env) {
        Map<String, Object> settings = ClientSettings.withoutBlanks(ClientSettings.kafka(env));
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID.from(env));
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS.from(env));
        settings.put(StreamsConfig.STATE_DIR_CONFIG, STATE_DIR.from(env));
        settings.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        settings.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, DEFAULT_COMMIT_INTERVAL_MS);
        settings.putIfAbsent(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, DEFAULT_CACHE_MAX_BYTES);
        // Undeserializable feedback (bad bytes, unknown schema id) must not stop CSAT for everyone:
        // the raw record goes to the dead-letter topic with the exception, message, topic,
        // partition and offset in __streams.errors.* headers (KIP-1034), and processing carries
        // on. A registry that does not answer is retried instead: see UnreadableRecordHandler.
        settings.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                UnreadableRecordHandler.class.getName());
        settings.putIfAbsent(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTER);
        // The global rules store's processing errors go to the same (default, failing) handler as
        // the rest, as Kafka 5.0 will by default. (Kafka 4.x still warns twice per start: the
        // StreamsBuilder's own default configuration does not carry this setting.)
        settings.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return settings;
    }
}
