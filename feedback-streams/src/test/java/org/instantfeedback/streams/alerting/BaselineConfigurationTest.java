package org.instantfeedback.streams.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.Map;
import org.instantfeedback.alerting.baseline.BaselineSettings;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.streams.config.StreamsAppConfig;
import org.junit.jupiter.api.Test;

/** How usual CSAT and usual complaints are learnt is deployment configuration, read from the environment. */
class BaselineConfigurationTest {

    @Test
    void without_variables_baselines_learn_over_a_day_as_documented() {
        assertThat(StreamsAppConfig.from(Map.of()).alerting().baselines()).isEqualTo(BaselineSettings.DEFAULT);
        assertThat(StreamsAppConfig.SETTINGS).filteredOn(v -> v.name().startsWith("ALERT_BASELINE_"))
                .extracting(Setting::name, v -> v.shownDefault().orElseThrow()).containsExactlyInAnyOrder(
                        tuple("ALERT_BASELINE_CSAT_PERIOD", "PT1H"),
                        tuple("ALERT_BASELINE_CSAT_SPAN", "24"),
                        tuple("ALERT_BASELINE_CSAT_MIN_RATINGS", "5"),
                        tuple("ALERT_BASELINE_CSAT_WARM_UP", "6"),
                        tuple("ALERT_BASELINE_COMPLAINT_PERIOD", "PT15M"),
                        tuple("ALERT_BASELINE_COMPLAINT_SPAN", "96"),
                        tuple("ALERT_BASELINE_COMPLAINT_WARM_UP", "96"));
    }

    @Test
    void a_short_demo_can_learn_its_baselines_in_seconds() {
        StreamsAppConfig config = StreamsAppConfig.from(Map.of(
                "ALERT_BASELINE_CSAT_PERIOD", "PT30S",
                "ALERT_BASELINE_CSAT_SPAN", "60",
                "ALERT_BASELINE_CSAT_MIN_RATINGS", "3",
                "ALERT_BASELINE_CSAT_WARM_UP", "2",
                "ALERT_BASELINE_COMPLAINT_PERIOD", "PT10S",
                "ALERT_BASELINE_COMPLAINT_SPAN", "360",
                "ALERT_BASELINE_COMPLAINT_WARM_UP", "3"));

        assertThat(config.alerting().baselines()).isEqualTo(new BaselineSettings(Duration.ofSeconds(30), 60, 3, 2,
                Duration.ofSeconds(10), 360, 3));
    }

    @Test
    void a_period_that_is_not_a_duration_stops_start_up_naming_the_variable() {
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("ALERT_BASELINE_COMPLAINT_PERIOD", "15 minutes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ALERT_BASELINE_COMPLAINT_PERIOD must be an ISO-8601 duration from PT1S to PT168H,"
                        + " was '15 minutes'");
    }

    @Test
    void a_period_shorter_than_a_second_or_longer_than_a_week_is_refused() {
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("ALERT_BASELINE_CSAT_PERIOD", "PT0.5S")))
                .hasMessage("ALERT_BASELINE_CSAT_PERIOD must be an ISO-8601 duration from PT1S to PT168H,"
                        + " was 'PT0.5S'");
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("ALERT_BASELINE_COMPLAINT_PERIOD", "P8D")))
                .hasMessage("ALERT_BASELINE_COMPLAINT_PERIOD must be an ISO-8601 duration from PT1S to PT168H,"
                        + " was 'P8D'");
    }

    @Test
    void a_span_or_warm_up_must_be_a_whole_number_of_periods_from_one() {
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("ALERT_BASELINE_COMPLAINT_WARM_UP", "0")))
                .hasMessage("ALERT_BASELINE_COMPLAINT_WARM_UP must be a whole number from 1 to 100000, was '0'");
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("ALERT_BASELINE_CSAT_SPAN", "a day")))
                .hasMessage("ALERT_BASELINE_CSAT_SPAN must be a whole number from 1 to 100000, was 'a day'");
    }
}
