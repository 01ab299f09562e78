package org.instantfeedback.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import org.instantfeedback.alerting.AlertKind;
import org.junit.jupiter.api.Test;

class RuleOverrideParserTest {
    private final RuleOverrideParser parser = new RuleOverrideParser(RuleBook.DEFAULT_WINDOWS);

    @Test
    void reads_the_settings_an_override_changes_and_nothing_else() {
        RuleOverride override = parser.parse("""
                {"negative-surge": {"openSharePercent": 30, "minSenders": 3, "window": "PT1H"},
                 "urgent-report": {"enabled": false, "holdDown": "PT30M"}}
                """);

        assertThat(override.changesFor(AlertKind.NEGATIVE_SURGE)).isEqualTo(
                Map.of("openSharePercent", 30.0, "minSenders", 3, "window", Duration.ofHours(1)));
        assertThat(override.changesFor(AlertKind.URGENT_REPORT))
                .isEqualTo(Map.of("enabled", false, "holdDown", Duration.ofMinutes(30)));
        assertThat(override.changesFor(AlertKind.CSAT_DROP)).isEmpty();
    }

    @Test
    void rejects_an_unknown_kind_naming_the_known_ones() {
        assertThatThrownBy(() -> parser.parse("{\"negative_surge\": {\"openSharePercent\": 30}}"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("'negative_surge' is not an alert kind; expected one of negative-surge, csat-drop, "
                        + "volume-spike, urgent-report, unanswered");
    }

    @Test
    void rejects_an_unknown_setting_naming_the_known_ones() {
        assertThatThrownBy(() -> parser.parse("{\"csat-drop\": {\"floor\": 50}}"))
                .hasMessage("csat-drop.floor is not a setting of csat-drop; expected one of enabled, window, "
                        + "floorPercent, criticalFloorPercent, clearFloorPercent, dropPoints, criticalDropPoints, "
                        + "clearDropPoints, minRatings, minSenders, holdDown");
    }

    @Test
    void rejects_a_negative_threshold() {
        assertThatThrownBy(() -> parser.parse("{\"negative-surge\": {\"openSharePercent\": -5}}"))
                .hasMessage("negative-surge.openSharePercent must be a number from 0 to 100, was -5");
    }

    @Test
    void rejects_a_single_sender_minimum() {
        assertThatThrownBy(() -> parser.parse("{\"volume-spike\": {\"minSenders\": 1}}"))
                .hasMessageContaining("volume-spike.minSenders must be a whole number from 2")
                .hasMessageContaining("one sender must not raise an alert alone");
    }

    @Test
    void rejects_values_of_the_wrong_type() {
        InvalidRuleException e = catchThrowableOfType(InvalidRuleException.class, () -> parser.parse("""
                {"negative-surge": {"minTexts": 8.5, "enabled": "yes", "holdDown": "ten minutes"}}
                """));

        assertThat(e.reasons()).containsExactly(
                "negative-surge.minTexts must be a whole number from 1 to 1000000, was 8.5",
                "negative-surge.enabled must be true or false, was \"yes\"",
                "negative-surge.holdDown must be an ISO-8601 duration such as \"PT10M\", from zero to 7 days, "
                        + "was \"ten minutes\"");
    }

    @Test
    void rejects_a_window_the_pipeline_does_not_compute() {
        assertThatThrownBy(() -> parser.parse("{\"volume-spike\": {\"window\": \"PT5M\"}}"))
                .hasMessage("volume-spike.window PT5M is not a window the pipeline computes; expected one of "
                        + "PT15M, PT1H, PT24H");
    }

    @Test
    void reports_every_problem_at_once() {
        InvalidRuleException e = catchThrowableOfType(InvalidRuleException.class, () -> parser.parse("""
                {"negative-surge": {"openSharePercent": 130}, "csat-drop": {"minRatings": 0}, "sms-flood": {}}
                """));

        assertThat(e.reasons()).hasSize(3);
        assertThat(e.reason()).contains("negative-surge.openSharePercent", "csat-drop.minRatings", "'sms-flood'");
    }

    @Test
    void rejects_what_is_not_a_json_object() {
        assertThatThrownBy(() -> parser.parse("{\"negative-surge\": "))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageStartingWith("the rule is not valid JSON");
        assertThatThrownBy(() -> parser.parse("[1, 2]"))
                .hasMessageStartingWith("a rule must be a JSON object with one member per alert kind");
        assertThatThrownBy(() -> parser.parse("{\"negative-surge\": 40}"))
                .hasMessage("negative-surge must be an object of settings, was 40");
        assertThatThrownBy(() -> parser.parse("{\"negative-surge\": {}, \"negative-surge\": {}}"))
                .hasMessageContaining("Duplicate field 'negative-surge'");
    }
}
