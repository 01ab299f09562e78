package org.instantfeedback.streams.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;
import org.instantfeedback.alerting.baseline.BaselineSettings;
import org.instantfeedback.alerting.hierarchy.HierarchyFileException;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.instantfeedback.alerting.rules.AlertRules;
import org.instantfeedback.alerting.rules.InvalidRuleException;
import org.instantfeedback.alerting.rules.RuleOverrideParser;
import org.instantfeedback.config.ClientSettings;
import org.instantfeedback.config.ConfigVariable;
import org.instantfeedback.config.Topics;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.scoring.ScoringConfig;
import org.instantfeedback.scoring.ScoringConfigException;
import org.instantfeedback.streams.alerting.AlertingOptions;
import org.instantfeedback.streams.csat.CsatWindowSpec;
import org.instantfeedback.streams.feedback.UnreadableRecordHandler;
import org.instantfeedback.streams.http.ApiSettings;
import org.instantfeedback.streams.textmodel.TextModelSettings;

/**
 * Everything feedback-streams reads from its environment, checked once at start-up. Besides the
 * {@link #VARIABLES}, every {@code KAFKA_*} variable becomes a Kafka Streams / client property
 * ({@code KAFKA_SECURITY_PROTOCOL} -> {@code security.protocol}) and every {@code SCHEMA_REGISTRY_*}
 * one a serde property ({@code SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO} ->
 * {@code schema.registry.basic.auth.user.info}); the defaults here only fill what the operator
 * left out. Set by default: {@code processing.guarantee=exactly_once_v2},
 * {@code commit.interval.ms=100}, {@code statestore.cache.max.bytes=10485760},
 * {@code deserialization.exception.handler=UnreadableRecordHandler} and
 * {@code errors.dead.letter.queue.topic.name=feedback.deadletter.v1}.
 *
 * @param httpPort          port of the query, health and metrics API; 0 lets the OS pick one
 * @param csatWindows       the hopping windows CSAT is computed over
 * @param dedupeHorizon     how long after a feedback was received a copy with the same eventId is
 *                          still dropped as a duplicate
 * @param scoringConfigFile the operator's text-scoring extension file, if any; already checked to parse
 * @param kafkaSettings     Kafka Streams properties, defaults included
 * @param registrySettings  serde properties ({@code schema.registry.url}, ...), defaults included
 * @param api               the query API: advertised URL, credentials, CORS, history kept
 * @param alerting          rolling metrics and alerts: windows, hierarchy, zone, evaluation interval, default rules,
 *                          baselines
 * @param textModel         which text model reads texts, and how the operator's rated texts teach it
 */
public record StreamsAppConfig(
        int httpPort,
        CsatWindowSpec csatWindows,
        Duration dedupeHorizon,
        Optional<Path> scoringConfigFile,
        Map<String, Object> kafkaSettings,
        Map<String, Object> registrySettings,
        AlertingOptions alerting,
        ApiSettings api,
        TextModelSettings textModel) {

    public static final String STREAMS_HTTP_PORT = "STREAMS_HTTP_PORT";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String KAFKA_APPLICATION_ID = "KAFKA_APPLICATION_ID";
    public static final String KAFKA_STATE_DIR = "KAFKA_STATE_DIR";
    public static final String SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";
    public static final String CSAT_WINDOW_SIZE = "CSAT_WINDOW_SIZE";
    public static final String CSAT_WINDOW_ADVANCE = "CSAT_WINDOW_ADVANCE";
    public static final String CSAT_WINDOW_GRACE = "CSAT_WINDOW_GRACE";
    public static final String CSAT_STORE_RETENTION = "CSAT_STORE_RETENTION";
    public static final String DEDUPE_HORIZON = "DEDUPE_HORIZON";
    public static final String SCORING_CONFIG_FILE = "SCORING_CONFIG_FILE";
    public static final String ALERT_WINDOWS = "ALERT_WINDOWS";
    public static final String ALERT_HIERARCHY_FILE = "ALERT_HIERARCHY_FILE";
    public static final String ALERT_TIME_ZONE = "ALERT_TIME_ZONE";
    public static final String ALERT_EVALUATION_INTERVAL = "ALERT_EVALUATION_INTERVAL";
    public static final String ALERT_DEFAULT_RULES_JSON = "ALERT_DEFAULT_RULES_JSON";
    public static final String ALERT_BASELINE_CSAT_PERIOD = "ALERT_BASELINE_CSAT_PERIOD";
    public static final String ALERT_BASELINE_CSAT_SPAN = "ALERT_BASELINE_CSAT_SPAN";
    public static final String ALERT_BASELINE_CSAT_MIN_RATINGS = "ALERT_BASELINE_CSAT_MIN_RATINGS";
    public static final String ALERT_BASELINE_CSAT_WARM_UP = "ALERT_BASELINE_CSAT_WARM_UP";
    public static final String ALERT_BASELINE_COMPLAINT_PERIOD = "ALERT_BASELINE_COMPLAINT_PERIOD";
    public static final String ALERT_BASELINE_COMPLAINT_SPAN = "ALERT_BASELINE_COMPLAINT_SPAN";
    public static final String ALERT_BASELINE_COMPLAINT_WARM_UP = "ALERT_BASELINE_COMPLAINT_WARM_UP";
    /** Baseline periods from a second (below that a period holds no feedback) to a week. */
    static final Duration MIN_BASELINE_PERIOD = Duration.ofSeconds(1);
    static final Duration MAX_BASELINE_PERIOD = Duration.ofDays(7);
    /** Spans and warm-ups beyond this many periods would take years at the default periods. */
    static final int MAX_BASELINE_PERIODS = 100_000;

    /** No retry comes back within a second (it takes a round trip at least), so less is a mistake. */
    static final Duration MIN_DEDUPE_HORIZON = Duration.ofSeconds(1);

    static final String DEFAULT_STATE_DIR =
            Path.of(System.getProperty("java.io.tmpdir"), "feedback-streams").toString();

    /**
     * Dashboards must see a rating within about a second. Under exactly-once, output is visible to
     * read_committed consumers only once its transaction commits, so a commit every 100 ms.
     */
    static final String DEFAULT_COMMIT_INTERVAL_MS = "100";
    /**
     * Kafka's own default, 10 MiB. The record cache is flushed at every commit, so it holds back
     * nothing the commit does not already hold back; what it does is fold the updates one CSAT
     * window gets within a commit into the last one. Under load that cuts the writes to changelog
     * and output topics per input record by about 45% and raised the drain rate by 17% in the
     * 1,000,000-event benchmark (docs/performance.md); at a trickle every update is still published.
     */
    static final String DEFAULT_CACHE_MAX_BYTES = "10485760";

    public static final List<ConfigVariable> VARIABLES = Stream.concat(Stream.of(
            new ConfigVariable(STREAMS_HTTP_PORT, "8090", "Port of the CSAT query, health and metrics API; 0 picks a free one."),
            new ConfigVariable(KAFKA_BOOTSTRAP_SERVERS, "localhost:9092", "Kafka brokers to connect to (bootstrap.servers)."),
            new ConfigVariable(KAFKA_APPLICATION_ID, "feedback-streams",
                    "Kafka Streams application.id: consumer group, transactional id and internal topic prefix."),
            new ConfigVariable(KAFKA_STATE_DIR, "${java.io.tmpdir}/feedback-streams",
                    "Directory of the local state stores (state.dir); keep it on a volume so restarts need not restore."),
            new ConfigVariable(SCHEMA_REGISTRY_URL, "http://localhost:8081",
                    "Confluent-compatible schema registry URL(s), comma-separated (schema.registry.url)."),
            new ConfigVariable(CSAT_WINDOW_SIZE, "PT15M", "Length of a CSAT window, ISO-8601 duration."),
            new ConfigVariable(CSAT_WINDOW_ADVANCE, "PT1M", "How often a new CSAT window starts, ISO-8601; at most the size."),
            new ConfigVariable(CSAT_WINDOW_GRACE, "PT2M",
                    "How late (event time) feedback may arrive after its window ended and still count, ISO-8601."),
            new ConfigVariable(CSAT_STORE_RETENTION, "PT1H",
                    "How long windows stay queryable (?at= can look this far back), ISO-8601; at least size plus grace."),
            new ConfigVariable(DEDUPE_HORIZON, "PT24H",
                    "How long after a feedback was received (receivedAt) another copy with the same eventId is dropped"
                            + " as a duplicate, ISO-8601; event ids are kept this long on disk."),
            new ConfigVariable(SCORING_CONFIG_FILE, "",
                    "Optional text-scoring extension file (valence/topic/urgent/emoji lines) applied over the built-in"
                            + " transport vocabulary; a bad line stops start-up."),
            new ConfigVariable(ALERT_WINDOWS, "PT15M,PT1H,PT24H",
                    "Trailing windows of the rolling metrics, and the windows alert rules may judge; ISO-8601,"
                            + " comma-separated, whole minutes."),
            new ConfigVariable(ALERT_HIERARCHY_FILE, "",
                    "Optional file of subject = groups lines (most specific first) so metrics and alerts roll up to"
                            + " depots, regions and brands; a bad line stops start-up."),
            new ConfigVariable(ALERT_TIME_ZONE, "UTC", "Zone of the clock times in alert reasons (Europe/Berlin, UTC)."),
            new ConfigVariable(ALERT_EVALUATION_INTERVAL, "PT30S",
                    "How often (wall clock) open alerts are judged again without new feedback, so quiet subjects"
                            + " resolve; ISO-8601."),
            new ConfigVariable(ALERT_DEFAULT_RULES_JSON, "",
                    "Optional JSON changing the built-in alert rules (same form as a feedback.alert-rules.v1 value);"
                            + " overrides on the rules topic apply on top."),
            new ConfigVariable(ALERT_BASELINE_CSAT_PERIOD, "PT1H",
                    "Period of the usual-CSAT baseline: the CSAT of each completed period is averaged; ISO-8601,"
                            + " PT1S to P7D."),
            new ConfigVariable(ALERT_BASELINE_CSAT_SPAN, "24",
                    "Memory of the usual-CSAT average in periods (weight 2/(span+1) on the newest), 1-100000."),
            new ConfigVariable(ALERT_BASELINE_CSAT_MIN_RATINGS, "5",
                    "Ratings a CSAT period needs to count in the baseline; quieter periods are skipped, 1-100000."),
            new ConfigVariable(ALERT_BASELINE_CSAT_WARM_UP, "6",
                    "Counted CSAT periods before CSAT-drop alerts compare against the usual CSAT, 1-100000."),
            new ConfigVariable(ALERT_BASELINE_COMPLAINT_PERIOD, "PT15M",
                    "Period of the usual-complaints baseline (quiet periods count as zero); ISO-8601, PT1S to P7D."),
            new ConfigVariable(ALERT_BASELINE_COMPLAINT_SPAN, "96",
                    "Memory of the usual-complaints average in periods (weight 2/(span+1) on the newest), 1-100000."),
            new ConfigVariable(ALERT_BASELINE_COMPLAINT_WARM_UP, "96",
                    "Complaint periods before complaint-spike alerts can open, 1-100000.")),
            Stream.concat(ApiSettings.VARIABLES.stream(), TextModelSettings.VARIABLES.stream())).toList();

    public StreamsAppConfig {
        Objects.requireNonNull(csatWindows, "csatWindows");
        Objects.requireNonNull(scoringConfigFile, "scoringConfigFile");
        Objects.requireNonNull(alerting, "alerting");
        Objects.requireNonNull(textModel, "textModel");
        if (dedupeHorizon.compareTo(MIN_DEDUPE_HORIZON) < 0) {
            throw new IllegalArgumentException("the dedupe horizon must be at least " + MIN_DEDUPE_HORIZON
                    + ", was " + dedupeHorizon);
        }
        kafkaSettings = Map.copyOf(kafkaSettings);
        registrySettings = Map.copyOf(registrySettings);
    }

    /** Reads the configuration; fails with a message naming the variable that is malformed. */
    public static StreamsAppConfig from(Map<String, String> env) {
        return new StreamsAppConfig(
                port(env, STREAMS_HTTP_PORT, 8090),
                csatWindows(env),
                dedupeHorizon(env),
                scoringConfigFile(env),
                kafkaSettings(env),
                ClientSettings.schemaRegistryWithDefaults(env),
                alerting(env),
                ApiSettings.from(env),
                TextModelSettings.from(env));
    }

    /** The properties KafkaStreams is created with. */
    public Properties streamsProperties() {
        Properties properties = new Properties();
        properties.putAll(kafkaSettings);
        return properties;
    }

    public String applicationId() {
        return String.valueOf(kafkaSettings.get(StreamsConfig.APPLICATION_ID_CONFIG));
    }

    public String bootstrapServers() {
        return String.valueOf(kafkaSettings.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    /** Where Kafka Streams keeps its local stores (under a folder per application.id). */
    public Path stateDir() {
        return Path.of(String.valueOf(kafkaSettings.get(StreamsConfig.STATE_DIR_CONFIG)));
    }

    public String schemaRegistryUrl() {
        return String.valueOf(registrySettings.get(SchemaRegistrySettings.URL));
    }

    private static Map<String, Object> kafkaSettings(Map<String, String> env) {
        Map<String, Object> settings = ClientSettings.withoutBlanks(ClientSettings.kafka(env));
        settings.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "feedback-streams");
        settings.putIfAbsent(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        settings.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, DEFAULT_STATE_DIR);
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


    private static CsatWindowSpec csatWindows(Map<String, String> env) {
        Duration size = duration(env, CSAT_WINDOW_SIZE, "PT15M");
        Duration advance = duration(env, CSAT_WINDOW_ADVANCE, "PT1M");
        Duration grace = duration(env, CSAT_WINDOW_GRACE, "PT2M");
        Duration retention = duration(env, CSAT_STORE_RETENTION, "PT1H");
        if (size.isZero() || size.isNegative()) {
            throw new IllegalArgumentException(CSAT_WINDOW_SIZE + " must be a positive duration, was " + size);
        }
        if (advance.isZero() || advance.isNegative() || advance.compareTo(size) > 0) {
            throw new IllegalArgumentException(CSAT_WINDOW_ADVANCE + " must be positive and at most "
                    + CSAT_WINDOW_SIZE + " (" + size + "), was " + advance);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException(CSAT_WINDOW_GRACE + " must not be negative, was " + grace);
        }
        if (retention.compareTo(size.plus(grace)) < 0) {
            throw new IllegalArgumentException(CSAT_STORE_RETENTION + " must be at least " + CSAT_WINDOW_SIZE
                    + " plus " + CSAT_WINDOW_GRACE + " (" + size.plus(grace) + "), was " + retention);
        }
        return new CsatWindowSpec(size, advance, grace, retention);
    }

    private static AlertingOptions alerting(Map<String, String> env) {
        List<Duration> windows = alertWindows(env);
        AlertRules rules = defaultRules(env, windows);
        ZoneId zone;
        try {
            zone = ZoneId.of(valueOf(env, ALERT_TIME_ZONE, "UTC"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(ALERT_TIME_ZONE + " must be a time zone such as UTC or Europe/Berlin, was '"
                    + env.get(ALERT_TIME_ZONE) + "'");
        }
        Duration interval = duration(env, ALERT_EVALUATION_INTERVAL, "PT30S");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(ALERT_EVALUATION_INTERVAL + " must be positive, was " + interval);
        }
        try {
            return new AlertingOptions(windows, hierarchy(env), zone, interval, rules, baselines(env));
        } catch (InvalidRuleException e) {
            throw new IllegalArgumentException(ALERT_WINDOWS + " must include every window the default rules judge: "
                    + e.reason(), e);
        }
    }

    /** Deployment configuration rather than rules: changing it changes what stored baselines mean. */
    private static BaselineSettings baselines(Map<String, String> env) {
        BaselineSettings defaults = BaselineSettings.DEFAULT;
        return new BaselineSettings(
                baselinePeriod(env, ALERT_BASELINE_CSAT_PERIOD, defaults.csatPeriod()),
                baselineCount(env, ALERT_BASELINE_CSAT_SPAN, defaults.csatSpan()),
                baselineCount(env, ALERT_BASELINE_CSAT_MIN_RATINGS, defaults.csatMinRatings()),
                baselineCount(env, ALERT_BASELINE_CSAT_WARM_UP, defaults.csatWarmUpPeriods()),
                baselinePeriod(env, ALERT_BASELINE_COMPLAINT_PERIOD, defaults.complaintPeriod()),
                baselineCount(env, ALERT_BASELINE_COMPLAINT_SPAN, defaults.complaintSpan()),
                baselineCount(env, ALERT_BASELINE_COMPLAINT_WARM_UP, defaults.complaintWarmUpPeriods()));
    }

    private static Duration baselinePeriod(Map<String, String> env, String name, Duration fallback) {
        Duration period = duration(env, name, fallback.toString());
        if (period.compareTo(MIN_BASELINE_PERIOD) < 0 || period.compareTo(MAX_BASELINE_PERIOD) > 0) {
            throw new IllegalArgumentException(name + " must be a duration from " + MIN_BASELINE_PERIOD + " to "
                    + MAX_BASELINE_PERIOD + ", was " + period);
        }
        return period;
    }

    private static int baselineCount(Map<String, String> env, String name, int fallback) {
        String value = valueOf(env, name, Integer.toString(fallback));
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= MAX_BASELINE_PERIODS) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(name + " must be a whole number from 1 to " + MAX_BASELINE_PERIODS
                + ", was '" + value + "'");
    }

    private static List<Duration> alertWindows(Map<String, String> env) {
        String value = valueOf(env, ALERT_WINDOWS, "PT15M,PT1H,PT24H");
        List<Duration> windows = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                Duration window = Duration.parse(part.strip());
                if (window.toMillis() < 60_000 || window.toMillis() % 60_000 != 0) {
                    throw new IllegalArgumentException(ALERT_WINDOWS + " must list whole minutes, was '" + part.strip()
                            + "'");
                }
                windows.add(window);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(ALERT_WINDOWS + " must be ISO-8601 durations separated by commas"
                        + " such as PT15M,PT1H,PT24H, was '" + value + "'");
            }
        }
        return windows;
    }

    private static AlertRules defaultRules(Map<String, String> env, List<Duration> windows) {
        String json = valueOf(env, ALERT_DEFAULT_RULES_JSON, "");
        if (json.isEmpty()) {
            return AlertRules.DEFAULT;
        }
        try {
            return AlertRules.DEFAULT.with(new RuleOverrideParser(Set.copyOf(windows)).parse(json));
        } catch (InvalidRuleException e) {
            throw new IllegalArgumentException(ALERT_DEFAULT_RULES_JSON + " is not a valid rule: " + e.reason(), e);
        }
    }

    private static SubjectHierarchy hierarchy(Map<String, String> env) {
        String value = valueOf(env, ALERT_HIERARCHY_FILE, "");
        if (value.isEmpty()) {
            return SubjectHierarchy.EMPTY;
        }
        try {
            Path file = Path.of(value);
            return SubjectHierarchy.parse(file.getFileName().toString(), Files.readString(file));
        } catch (InvalidPathException | IOException e) {
            throw new IllegalArgumentException(ALERT_HIERARCHY_FILE + " must name a readable file, was '" + value
                    + "': " + e.getMessage(), e);
        } catch (HierarchyFileException e) {
            throw new IllegalArgumentException(ALERT_HIERARCHY_FILE + ": " + e.getMessage(), e);
        }
    }

    private static Duration dedupeHorizon(Map<String, String> env) {
        Duration horizon = duration(env, DEDUPE_HORIZON, "PT24H");
        if (horizon.compareTo(MIN_DEDUPE_HORIZON) < 0) {
            throw new IllegalArgumentException(DEDUPE_HORIZON + " must be at least " + MIN_DEDUPE_HORIZON
                    + ", was " + horizon);
        }
        return horizon;
    }

    /** The file, once it is known to be readable and to parse, so a bad line stops start-up here. */
    private static Optional<Path> scoringConfigFile(Map<String, String> env) {
        String value = valueOf(env, SCORING_CONFIG_FILE, "");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Path file;
        try {
            file = Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(SCORING_CONFIG_FILE + " is not a file name: " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(SCORING_CONFIG_FILE + " must name a readable file, was '" + value + "'");
        }
        try {
            ScoringConfig.load(file);
        } catch (ScoringConfigException e) {
            throw new IllegalArgumentException(SCORING_CONFIG_FILE + ": " + e.getMessage(), e);
        }
        return Optional.of(file);
    }

    private static Duration duration(Map<String, String> env, String name, String fallback) {
        String value = valueOf(env, name, fallback);
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as " + fallback
                    + ", was '" + value + "'");
        }
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = valueOf(env, name, Integer.toString(fallback));
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(name + " must be a port number between 0 and 65535, was '" + value + "'");
    }

    private static String valueOf(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
