package org.instantfeedback.streams.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.instantfeedback.scoring.ScoringConfig;
import org.instantfeedback.scoring.ScoringConfigException;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParsers;
import org.instantfeedback.streams.alerting.AlertingOptions;
import org.instantfeedback.streams.csat.CsatOutputs;
import org.instantfeedback.streams.csat.CsatWindowSpec;
import org.instantfeedback.streams.http.ApiSettings;
import org.instantfeedback.streams.conversations.ConversationSettings;
import org.instantfeedback.streams.textmodel.TextModelSettings;

/**
 * Everything feedback-streams reads from its environment, checked once at start-up and grouped by
 * the part of the app that uses it; {@link #SETTINGS} lists every variable. Kafka and registry
 * client settings also pass through by prefix (see {@link KafkaSettings}).
 *
 * @param httpPort          port of the query, health and metrics API; 0 lets the OS pick one
 * @param kafka             how Kafka and the schema registry are reached, Kafka Streams' defaults included
 * @param csatWindows       the hopping windows CSAT is computed over
 * @param csatOutputs       which CSAT topics are written (the deprecated feedback.csat.v1 or not)
 * @param dedupeHorizon     how long after a feedback was received a copy with the same eventId is
 *                          still dropped as a duplicate
 * @param scoringConfigFile the operator's text-scoring extension file, if any; already checked to parse
 * @param alerting          rolling metrics and alerts: windows, hierarchy, zone, evaluation interval, default rules,
 *                          baselines
 * @param api               the query API: advertised URL, credentials, CORS, history kept
 * @param textModel         which text model reads texts, and how the operator's rated texts teach it
 * @param conversations     how conversations with passengers are kept: quiet period, answer limit, follow-up
 */
public record StreamsAppConfig(
        int httpPort,
        KafkaSettings kafka,
        CsatWindowSpec csatWindows,
        CsatOutputs csatOutputs,
        Duration dedupeHorizon,
        Optional<Path> scoringConfigFile,
        AlertingOptions alerting,
        ApiSettings api,
        TextModelSettings textModel,
        ConversationSettings conversations) {

    public static final String STREAMS_HTTP_PORT = "STREAMS_HTTP_PORT";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String KAFKA_APPLICATION_ID = "KAFKA_APPLICATION_ID";
    public static final String KAFKA_STATE_DIR = "KAFKA_STATE_DIR";
    public static final String SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";
    public static final String DEDUPE_HORIZON = "DEDUPE_HORIZON";
    public static final String SCORING_CONFIG_FILE = "SCORING_CONFIG_FILE";

    /** No retry comes back within a second (it takes a round trip at least), so less is a mistake. */
    private static final Duration MIN_DEDUPE_HORIZON = Duration.ofSeconds(1);

    private static final Setting<Integer> HTTP_PORT = Setting.port(STREAMS_HTTP_PORT, 8090,
            "Port of the CSAT query, health and metrics API; 0 picks a free one.");
    private static final Setting<Duration> DEDUPE = Setting.of(DEDUPE_HORIZON, "PT24H",
            ValueParsers.durationBetween(MIN_DEDUPE_HORIZON, null),
            "How long after a feedback was received (receivedAt) another copy with the same eventId is dropped"
                    + " as a duplicate, ISO-8601; event ids are kept this long on disk.");
    private static final Setting<Optional<String>> SCORING_FILE = Setting.optional(SCORING_CONFIG_FILE,
            ValueParsers.text(), "Optional text-scoring extension file (valence/topic/urgent/emoji lines) applied"
                    + " over the built-in transport vocabulary; a bad line stops start-up.");

    /** Every variable feedback-streams reads, besides the KAFKA_* and SCHEMA_REGISTRY_* ones passed through. */
    public static final List<Setting<?>> SETTINGS = Stream.of(
                    List.<Setting<?>>of(HTTP_PORT), KafkaSettings.SETTINGS, CsatWindowSpec.SETTINGS,
                    CsatOutputs.SETTINGS,
                    List.<Setting<?>>of(DEDUPE, SCORING_FILE), AlertingOptions.SETTINGS, ApiSettings.SETTINGS,
                    TextModelSettings.SETTINGS, ConversationSettings.SETTINGS)
            .flatMap(List::stream)
            .toList();

    public StreamsAppConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(csatWindows, "csatWindows");
        Objects.requireNonNull(csatOutputs, "csatOutputs");
        Objects.requireNonNull(scoringConfigFile, "scoringConfigFile");
        Objects.requireNonNull(alerting, "alerting");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(textModel, "textModel");
        Objects.requireNonNull(conversations, "conversations");
        if (dedupeHorizon.compareTo(MIN_DEDUPE_HORIZON) < 0) {
            throw new IllegalArgumentException("the dedupe horizon must be at least " + MIN_DEDUPE_HORIZON
                    + ", was " + dedupeHorizon);
        }
    }

    /** Reads the configuration; fails with a message naming the variable that is malformed. */
    public static StreamsAppConfig from(Map<String, String> env) {
        return new StreamsAppConfig(
                HTTP_PORT.from(env),
                KafkaSettings.from(env),
                CsatWindowSpec.from(env),
                CsatOutputs.from(env),
                DEDUPE.from(env),
                scoringConfigFile(env),
                AlertingOptions.from(env),
                ApiSettings.from(env),
                TextModelSettings.from(env),
                ConversationSettings.from(env));
    }

    /** Kafka Streams properties, defaults included. */
    public Map<String, Object> kafkaSettings() {
        return kafka.streams();
    }

    /** Serde properties ({@code schema.registry.url}, ...), defaults included. */
    public Map<String, Object> registrySettings() {
        return kafka.registry();
    }

    /** The properties KafkaStreams is created with. */
    public Properties streamsProperties() {
        return kafka.streamsProperties();
    }

    public String applicationId() {
        return kafka.applicationId();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return kafka.schemaRegistryUrl();
    }

    /** The file, once it is known to be readable and to parse, so a bad line stops start-up here. */
    private static Optional<Path> scoringConfigFile(Map<String, String> env) {
        Optional<String> value = SCORING_FILE.from(env);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Path file;
        try {
            file = Path.of(value.get());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(SCORING_FILE + " is not a file name: " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(SCORING_FILE + " must name a readable file, was '" + value.get() + "'");
        }
        try {
            ScoringConfig.load(file);
        } catch (ScoringConfigException e) {
            throw new IllegalArgumentException(SCORING_FILE + ": " + e.getMessage(), e);
        }
        return Optional.of(file);
    }
}
