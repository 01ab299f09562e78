package org.instantfeedback.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import org.instantfeedback.alerting.AlertKind;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    @Test
    void defaults_are_the_documented_ones() {
        AlertRules rules = AlertRules.DEFAULT;

        assertThat(rules.negativeSurge()).isEqualTo(new NegativeSurgeRule(true, Duration.ofMinutes(15), 40, 60, 25,
                8, 5, Duration.ofMinutes(10)));
        assertThat(rules.csatDrop()).isEqualTo(new CsatDropRule(true, Duration.ofHours(1), 60, 40, 70, 20, 35, 10,
                10, 5, Duration.ofMinutes(10)));
        assertThat(rules.volumeSpike()).isEqualTo(new VolumeSpikeRule(true, Duration.ofMinutes(15), 3, 5, 1.5, 10,
                5, Duration.ofMinutes(10)));
        assertThat(rules.urgentReport()).isEqualTo(new UrgentReportRule(true, Duration.ofHours(1)));
        assertThat(rules.windows()).isSubsetOf(RuleBook.DEFAULT_WINDOWS);
    }

    @Test
    void a_partial_override_keeps_every_setting_it_does_not_name() {
        AlertRules rules = AlertRules.DEFAULT.with(new RuleOverride(Map.of(AlertKind.NEGATIVE_SURGE,
                Map.of("openSharePercent", 30.0))));

        assertThat(rules.negativeSurge().openSharePercent()).isEqualTo(30.0);
        assertThat(rules.negativeSurge().clearSharePercent()).isEqualTo(25.0);
        assertThat(rules.negativeSurge().minSenders()).isEqualTo(5);
        assertThat(rules.csatDrop()).isEqualTo(CsatDropRule.DEFAULT);
    }

    @Test
    void rejects_a_clear_threshold_on_the_wrong_side_of_the_open_threshold() {
        assertThatThrownBy(() -> AlertRules.DEFAULT.with(new RuleOverride(Map.of(AlertKind.NEGATIVE_SURGE,
                Map.of("clearSharePercent", 45.0)))))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("negative-surge: clearSharePercent (45) must be below openSharePercent (40), or the alert"
                        + " would flap around one threshold");
    }

    @Test
    void rejects_a_critical_level_milder_than_the_warning() {
        InvalidRuleException e = catchThrowableOfType(InvalidRuleException.class, () -> AlertRules.DEFAULT.with(
                new RuleOverride(Map.of(
                        AlertKind.CSAT_DROP, Map.of("criticalFloorPercent", 65.0, "clearDropPoints", 25.0),
                        AlertKind.VOLUME_SPIKE, Map.of("criticalFactor", 2.0)))));

        assertThat(e.reasons()).containsExactly(
                "csat-drop: criticalFloorPercent (65) must be at most floorPercent (60)",
                "csat-drop: clearDropPoints (25) must be below dropPoints (20), or the alert would flap around one "
                        + "threshold",
                "volume-spike: criticalFactor (2) must be at least spikeFactor (3)");
    }

    @Test
    void a_rule_built_in_code_is_checked_like_one_from_json() {
        assertThatThrownBy(() -> new NegativeSurgeRule(true, Duration.ofMinutes(15), 40, 60, 25, 8, 1,
                Duration.ofMinutes(10)))
                .hasMessageContaining("negative-surge.minSenders must be a whole number from 2");
    }
}
