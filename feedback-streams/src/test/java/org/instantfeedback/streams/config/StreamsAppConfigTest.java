package org.instantfeedback.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.instantfeedback.alerting.rules.AlertRules;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.streams.alerting.AlertingOptions;
import org.instantfeedback.streams.csat.CsatWindowSpec;
import org.instantfeedback.streams.feedback.UnreadableRecordHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsAppConfigTest {
    @TempDir
    Path dir;

    @Test
    void without_any_variable_it_runs_against_a_local_kafka_and_registry() {
        StreamsAppConfig config = StreamsAppConfig.from(Map.of());

        assertThat(config.httpPort()).isEqualTo(8090);
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.applicationId()).isEqualTo("feedback-streams");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        assertThat(config.csatWindows()).isEqualTo(CsatWindowSpec.DEFAULT);
        assertThat(config.kafkaSettings()).containsEntry(StreamsConfig.STATE_DIR_CONFIG, KafkaSettings.DEFAULT_STATE_DIR);
        assertThat(config.dedupeHorizon()).isEqualTo(Duration.ofHours(24));
        assertThat(config.scoringConfigFile()).isEmpty();
    }

    @Test
    void processes_exactly_once_commits_every_tenth_of_a_second_and_caches_ten_mebibytes() {
        Map<String, Object> streams = StreamsAppConfig.from(Map.of()).kafkaSettings();

        assertThat(streams).contains(
                entry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2),
                entry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100"),
                entry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "10485760"));
    }

    @Test
    void undeserializable_records_go_to_the_dead_letter_topic() {
        Map<String, Object> streams = StreamsAppConfig.from(Map.of()).kafkaSettings();

        assertThat(streams).contains(
                entry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        UnreadableRecordHandler.class.getName()),
                entry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "feedback.deadletter.v1"));
    }

    @Test
    void reads_every_variable_it_documents() throws IOException {
        Path scoring = Files.writeString(dir.resolve("scoring.txt"), "valence gridlock = -2.0\n");
        Path hierarchy = Files.writeString(dir.resolve("hierarchy.txt"), "route-42 = depot-north, region-east\n");
        StreamsAppConfig config = StreamsAppConfig.from(Map.ofEntries(
                Map.entry("ALERT_WINDOWS", "PT15M,PT1H,PT6H,PT24H"),
                Map.entry("ALERT_HIERARCHY_FILE", hierarchy.toString()),
                Map.entry("ALERT_TIME_ZONE", "Europe/Berlin"),
                Map.entry("ALERT_EVALUATION_INTERVAL", "PT10S"),
                Map.entry("ALERT_DEFAULT_RULES_JSON", "{\"negative-surge\": {\"openSharePercent\": 35}}"),
                Map.entry("STREAMS_HTTP_PORT", "0"),
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092"),
                Map.entry("KAFKA_APPLICATION_ID", "feedback-streams-eu"),
                Map.entry("KAFKA_STATE_DIR", "/var/lib/feedback-streams"),
                Map.entry("SCHEMA_REGISTRY_URL", "https://registry.example:8081"),
                Map.entry("CSAT_WINDOW_SIZE", "PT30M"),
                Map.entry("CSAT_WINDOW_ADVANCE", "PT5M"),
                Map.entry("CSAT_WINDOW_GRACE", "PT10M"),
                Map.entry("CSAT_STORE_RETENTION", "PT6H"),
                Map.entry("DEDUPE_HORIZON", "PT48H"),
                Map.entry("SCORING_CONFIG_FILE", scoring.toString()),
                Map.entry("CONVERSATION_QUIET_PERIOD", "PT12H"),
                Map.entry("CONVERSATION_ANSWER_WITHIN", "PT5M"),
                Map.entry("CONVERSATION_FOLLOW_UP_QUESTION", "none")));

        assertThat(config.httpPort()).isZero();
        assertThat(config.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(config.applicationId()).isEqualTo("feedback-streams-eu");
        assertThat(config.kafkaSettings()).containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/feedback-streams");
        assertThat(config.schemaRegistryUrl()).isEqualTo("https://registry.example:8081");
        assertThat(config.csatWindows()).isEqualTo(new CsatWindowSpec(
                Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofHours(6)));
        assertThat(StreamsAppConfig.SETTINGS).extracting(Setting::name).containsExactlyInAnyOrder(
                "STREAMS_HTTP_PORT", "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_APPLICATION_ID", "KAFKA_STATE_DIR",
                "SCHEMA_REGISTRY_URL", "CSAT_WINDOW_SIZE", "CSAT_WINDOW_ADVANCE", "CSAT_WINDOW_GRACE",
                "CSAT_STORE_RETENTION", "CSAT_V1_ENABLED", "DEDUPE_HORIZON", "SCORING_CONFIG_FILE", "ALERT_WINDOWS",
                "ALERT_HIERARCHY_FILE", "ALERT_TIME_ZONE", "ALERT_EVALUATION_INTERVAL", "ALERT_DEFAULT_RULES_JSON",
                "ALERT_BASELINE_CSAT_PERIOD", "ALERT_BASELINE_CSAT_SPAN", "ALERT_BASELINE_CSAT_MIN_RATINGS",
                "ALERT_BASELINE_CSAT_WARM_UP", "ALERT_BASELINE_COMPLAINT_PERIOD", "ALERT_BASELINE_COMPLAINT_SPAN",
                "ALERT_BASELINE_COMPLAINT_WARM_UP", "STREAMS_ADVERTISED_URL", "STREAMS_API_AUTH", "STREAMS_API_TOKENS",
                "STREAMS_API_USERS", "STREAMS_API_CORS_ORIGINS", "STREAMS_QUERY_SERIES_SPAN",
                "STREAMS_QUERY_RESOLVED_RETENTION", "TEXT_MODEL_LEARNING", "TEXT_MODEL_VERSION", "TEXT_MODEL_BASE_FILE",
                "TEXT_MODEL_RETRAIN_EVERY", "TEXT_MODEL_RETRAIN_AFTER", "TEXT_MODEL_RETRAIN_GAP", "TEXT_MODEL_MIN_EXAMPLES",
                "TEXT_MODEL_MAX_EXAMPLES", "TEXT_MODEL_HELD_BACK_PERCENT", "TEXT_MODEL_LANGUAGE_MIN_EXAMPLES",
                "TEXT_MODEL_LANGUAGE_FLOOR", "CONVERSATION_QUIET_PERIOD", "CONVERSATION_ANSWER_WITHIN",
                "CONVERSATION_FOLLOW_UP_QUESTION");
        assertThat(StreamsAppConfig.SETTINGS).noneMatch(Setting::required);
        assertThat(config.dedupeHorizon()).isEqualTo(Duration.ofHours(48));
        assertThat(config.conversations().quietPeriod()).isEqualTo(Duration.ofHours(12));
        assertThat(config.conversations().answerWithin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.conversations().followUpQuestion()).isEmpty();
        assertThat(config.scoringConfigFile()).contains(scoring);
        assertThat(config.alerting().windows()).containsExactly(Duration.ofMinutes(15), Duration.ofHours(1),
                Duration.ofHours(6), Duration.ofHours(24));
        assertThat(config.alerting().hierarchy().groupsOf("route-42")).containsExactly("depot-north", "region-east");
        assertThat(config.alerting().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(config.alerting().evaluationInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.alerting().defaultRules().negativeSurge().openSharePercent()).isEqualTo(35.0);
    }

    @Test
    void alerting_runs_on_the_documented_defaults_without_variables() {
        AlertingOptions alerting = StreamsAppConfig.from(Map.of()).alerting();

        assertThat(alerting.windows()).containsExactly(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(24));
        assertThat(alerting.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(alerting.evaluationInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(alerting.defaultRules()).isEqualTo(AlertRules.DEFAULT);
        assertThat(alerting.hierarchy().subjects()).isEmpty();
    }

    @Test
    void invalid_default_rules_are_reported_with_the_variable_name_and_every_reason() {
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("ALERT_DEFAULT_RULES_JSON",
                "{\"negative_surge\": {}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ALERT_DEFAULT_RULES_JSON is not a valid rule: 'negative_surge' is not an alert kind");
    }

    @Test
    void windows_the_default_rules_judge_must_be_computed() {
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("ALERT_WINDOWS", "PT15M,PT24H")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ALERT_WINDOWS")
                .hasMessageContaining("csat-drop.window PT1H");
    }

    @Test
    void a_bad_hierarchy_line_or_zone_is_reported_with_the_variable_name() throws IOException {
        Path hierarchy = Files.writeString(dir.resolve("groups.txt"), "route-42\n");

        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("ALERT_HIERARCHY_FILE", hierarchy.toString())))
                .hasMessageStartingWith("ALERT_HIERARCHY_FILE: groups.txt line 1");
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("ALERT_TIME_ZONE", "Mars/Olympus")))
                .hasMessageStartingWith("ALERT_TIME_ZONE must be a time zone");
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("ALERT_WINDOWS", "PT15M,PT90S")))
                .hasMessageStartingWith("ALERT_WINDOWS must list whole minutes");
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("ALERT_WINDOWS", "PT15M,,PT1H")))
                .hasMessageStartingWith("ALERT_WINDOWS must list whole minutes");
    }

    @Test
    void a_malformed_or_too_short_dedupe_horizon_is_reported_with_the_variable_name() {
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("DEDUPE_HORIZON", "24 hours")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DEDUPE_HORIZON")
                .hasMessageContaining("24 hours");
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("DEDUPE_HORIZON", "PT0S")))
                .hasMessageContaining("DEDUPE_HORIZON");
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("DEDUPE_HORIZON", "-PT1H")))
                .hasMessageContaining("DEDUPE_HORIZON");
    }

    @Test
    void a_scoring_file_that_does_not_exist_is_reported_with_the_variable_name() {
        Path missing = dir.resolve("missing.txt");

        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("SCORING_CONFIG_FILE", missing.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SCORING_CONFIG_FILE")
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("SCORING_CONFIG_FILE", dir.toString())))
                .hasMessageContaining("SCORING_CONFIG_FILE");
    }

    @Test
    void a_bad_line_in_the_scoring_file_stops_start_up_naming_the_variable_file_and_line() throws IOException {
        Path scoring = Files.writeString(dir.resolve("scoring.txt"),
                "# ours\nvalence gridlock = -2.0\nvalence traffic = awful\n");

        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("SCORING_CONFIG_FILE", scoring.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SCORING_CONFIG_FILE")
                .hasMessageContaining(scoring + ":3:")
                .hasMessageContaining("awful");
    }

    @Test
    void an_empty_scoring_file_variable_means_the_built_in_vocabulary_only() {
        assertThat(StreamsAppConfig.from(Map.of("SCORING_CONFIG_FILE", " ")).scoringConfigFile()).isEmpty();
    }

    @Test
    void passes_any_kafka_and_registry_setting_through_and_the_operator_wins_over_defaults() {
        StreamsAppConfig config = StreamsAppConfig.from(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_COMMIT_INTERVAL_MS", "1000",
                "KAFKA_PROCESSING_GUARANTEE", "at_least_once",
                "SCHEMA_REGISTRY_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO",
                "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "streams:secret"));

        assertThat(config.kafkaSettings()).contains(
                Map.entry("security.protocol", "SASL_SSL"),
                entry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000"),
                entry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once"));
        assertThat(config.registrySettings()).contains(
                Map.entry("schema.registry.basic.auth.credentials.source", "USER_INFO"),
                Map.entry("schema.registry.basic.auth.user.info", "streams:secret"));
        assertThat(config.streamsProperties()).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void a_variable_set_to_nothing_means_its_default() {
        StreamsAppConfig config = StreamsAppConfig.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", " ", "CSAT_WINDOW_SIZE", ""));

        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.csatWindows().size()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void a_malformed_duration_is_reported_with_the_variable_name() {
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("CSAT_WINDOW_GRACE", "2 minutes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CSAT_WINDOW_GRACE")
                .hasMessageContaining("2 minutes");
    }

    @Test
    void csat_v1_is_written_by_default_and_turned_off_only_by_a_strict_false() {
        assertThat(StreamsAppConfig.from(Map.of()).csatOutputs().v1Enabled()).isTrue();
        assertThat(StreamsAppConfig.from(Map.of("CSAT_V1_ENABLED", "false")).csatOutputs().v1Enabled()).isFalse();
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("CSAT_V1_ENABLED", "no")))
                .hasMessageContaining("CSAT_V1_ENABLED");
    }

    @Test
    void an_advance_longer_than_the_window_is_refused() {
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("CSAT_WINDOW_SIZE", "PT5M", "CSAT_WINDOW_ADVANCE", "PT10M")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CSAT_WINDOW_ADVANCE")
                .hasMessageContaining("CSAT_WINDOW_SIZE");
    }

    @Test
    void a_negative_grace_and_a_zero_window_are_refused() {
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("CSAT_WINDOW_GRACE", "-PT1M")))
                .hasMessageContaining("CSAT_WINDOW_GRACE");
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("CSAT_WINDOW_SIZE", "PT0S")))
                .hasMessageContaining("CSAT_WINDOW_SIZE");
    }

    @Test
    void a_retention_too_short_to_hold_a_window_is_refused() {
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("CSAT_STORE_RETENTION", "PT10M")))
                .hasMessageContaining("CSAT_STORE_RETENTION");
    }

    @Test
    void a_port_that_is_not_a_port_is_reported_with_the_variable_name() {
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("STREAMS_HTTP_PORT", "eighty")))
                .hasMessageContaining("STREAMS_HTTP_PORT");
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("STREAMS_HTTP_PORT", "70000")))
                .hasMessageContaining("STREAMS_HTTP_PORT");
    }

    @Test
    void a_registry_url_without_a_scheme_is_refused() {
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("SCHEMA_REGISTRY_URL", "registry:8081")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SCHEMA_REGISTRY_URL");
    }
}
