package org.instantfeedback.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.instantfeedback.alerting.Scope;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.junit.jupiter.api.Test;

class RuleBookTest {
    private static final SubjectHierarchy HIERARCHY = SubjectHierarchy.parse("hierarchy.txt", """
            route-42 = depot-north, region-east
            route-7  = depot-north, region-east
            route-9  = depot-south, region-east
            """);

    private final RuleBook book = RuleBook.of(AlertRules.DEFAULT, HIERARCHY, RuleBook.DEFAULT_WINDOWS);

    @Test
    void without_overrides_every_subject_gets_the_defaults() {
        assertThat(book.rulesForSubject("route-42")).isEqualTo(AlertRules.DEFAULT);
        assertThat(book.rulesForGroup("region-east")).isEqualTo(AlertRules.DEFAULT);
    }

    @Test
    void a_subject_override_wins_over_its_group_which_wins_over_the_default() {
        RuleBook rules = book
                .apply("default", "{\"negative-surge\": {\"openSharePercent\": 45, \"minTexts\": 12}}")
                .apply("group:region-east", "{\"negative-surge\": {\"openSharePercent\": 35, \"minTexts\": 10}}")
                .apply("group:depot-north", "{\"negative-surge\": {\"openSharePercent\": 33}}")
                .apply("subject:route-42", "{\"negative-surge\": {\"openSharePercent\": 30}}");

        assertThat(rules.rulesForSubject("route-42").negativeSurge().openSharePercent()).isEqualTo(30.0);
        assertThat(rules.rulesForSubject("route-7").negativeSurge().openSharePercent()).isEqualTo(33.0);
        assertThat(rules.rulesForSubject("route-9").negativeSurge().openSharePercent()).isEqualTo(35.0);
        assertThat(rules.rulesForSubject("route-unknown").negativeSurge().openSharePercent()).isEqualTo(45.0);
        assertThat(rules.rulesFor(Scope.GROUP, "depot-north").negativeSurge().openSharePercent()).isEqualTo(33.0);
    }

    @Test
    void partial_overrides_fill_from_the_level_above() {
        RuleBook rules = book
                .apply("default", "{\"negative-surge\": {\"minTexts\": 12}}")
                .apply("group:region-east", "{\"negative-surge\": {\"minSenders\": 4}}")
                .apply("subject:route-42", "{\"negative-surge\": {\"openSharePercent\": 30}}");

        NegativeSurgeRule rule = rules.rulesForSubject("route-42").negativeSurge();
        assertThat(rule.openSharePercent()).isEqualTo(30.0);
        assertThat(rule.minSenders()).isEqualTo(4);
        assertThat(rule.minTexts()).isEqualTo(12);
        assertThat(rule.clearSharePercent()).isEqualTo(NegativeSurgeRule.DEFAULT.clearSharePercent());
    }

    @Test
    void a_tombstone_removes_an_override() {
        RuleBook withOverride = book.apply("subject:route-42", "{\"urgent-report\": {\"enabled\": false}}");

        RuleBook removed = withOverride.apply("subject:route-42", null);

        assertThat(withOverride.rulesForSubject("route-42").urgentReport().enabled()).isFalse();
        assertThat(removed.rulesForSubject("route-42")).isEqualTo(AlertRules.DEFAULT);
        assertThat(removed.overrides()).isEmpty();
    }

    @Test
    void an_invalid_rule_is_rejected_and_the_previous_rule_stays_in_force() {
        RuleBook before = book.apply("subject:route-42", "{\"negative-surge\": {\"openSharePercent\": 30}}");

        assertThatThrownBy(() -> before.apply("subject:route-42", "{\"negative-surge\": {\"openSharePercent\": 20}}"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("negative-surge: clearSharePercent (25) must be below openSharePercent (20), or the alert"
                        + " would flap around one threshold");
        assertThat(before.rulesForSubject("route-42").negativeSurge().openSharePercent()).isEqualTo(30.0);
    }

    @Test
    void rejects_a_group_rule_that_would_break_a_subject_override_below_it() {
        RuleBook before = book.apply("subject:route-42", "{\"negative-surge\": {\"clearSharePercent\": 35}}");

        assertThatThrownBy(() -> before.apply("group:depot-north", "{\"negative-surge\": {\"openSharePercent\": 32}}"))
                .hasMessage("with this rule the negative-surge settings of subject:route-42 would no longer fit: "
                        + "negative-surge: clearSharePercent (35) must be below openSharePercent "
                        + "(32), or the alert would flap around one threshold");
        assertThat(before.rulesForSubject("route-7").negativeSurge().openSharePercent()).isEqualTo(40.0);
    }

    @Test
    void rejects_a_malformed_key() {
        assertThatThrownBy(() -> book.apply("route-42", "{}"))
                .hasMessage("the key 'route-42' is not a rule key; expected default, group:<id> or subject:<id>");
        assertThatThrownBy(() -> book.apply("group:", "{}"))
                .hasMessageContaining("needs an id");
    }

    @Test
    void a_removed_group_rule_leaves_an_unfitting_subject_setting_ignored_not_broken() {
        RuleBook rules = book
                .apply("group:depot-north", "{\"negative-surge\": {\"openSharePercent\": 50}}")
                .apply("subject:route-42", "{\"negative-surge\": {\"clearSharePercent\": 45, \"minTexts\": 20}}")
                .apply("group:depot-north", null);

        NegativeSurgeRule rule = rules.rulesForSubject("route-42").negativeSurge();
        assertThat(rule.clearSharePercent()).isEqualTo(25.0);
        assertThat(rule.openSharePercent()).isEqualTo(40.0);
        assertThat(rule.minTexts()).isEqualTo(8);
    }

    @Test
    void refuses_defaults_that_judge_a_window_the_pipeline_does_not_compute() {
        assertThatThrownBy(() -> RuleBook.of(AlertRules.DEFAULT, HIERARCHY,
                Set.of(Duration.ofMinutes(15))))
                .hasMessageContaining("csat-drop.window PT1H is not a window the pipeline computes");
    }
}
