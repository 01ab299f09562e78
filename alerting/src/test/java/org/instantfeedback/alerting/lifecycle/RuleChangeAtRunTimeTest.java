package org.instantfeedback.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.instantfeedback.alerting.lifecycle.NegativeSurgeAlertTest.share;

import java.time.Instant;
import java.util.List;
import org.instantfeedback.alerting.AlertEvent;
import org.instantfeedback.alerting.AlertEventType;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.Resolution;
import org.instantfeedback.alerting.checks.AlertFigures;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.instantfeedback.alerting.rules.AlertRules;
import org.instantfeedback.alerting.rules.InvalidRuleException;
import org.instantfeedback.alerting.rules.RuleBook;
import org.junit.jupiter.api.Test;

class RuleChangeAtRunTimeTest {
    private static final Instant T = Instant.parse("2025-03-10T08:15:00Z");
    private static final SubjectHierarchy HIERARCHY = SubjectHierarchy.parse("hierarchy.txt",
            "route-42 = depot-north, region-east\n");

    private RuleBook book = RuleBook.of(AlertRules.DEFAULT, HIERARCHY, RuleBook.DEFAULT_WINDOWS);
    private final Alerts alerts = Alerts.of(AlertKind.NEGATIVE_SURGE);

    @Test
    void a_lowered_threshold_takes_effect_at_the_next_evaluation() {
        AlertFigures thirtyFivePercent = share(7, 7, 13, T);
        List<AlertEvent> underDefaults = alerts.withRules(book.rulesForSubject("route-42"))
                .evaluate(thirtyFivePercent, T);

        book = book.apply("group:depot-north", "{\"negative-surge\": {\"openSharePercent\": 33, "
                + "\"clearSharePercent\": 20}}");
        List<AlertEvent> underNewRule = alerts.withRules(book.rulesForSubject("route-42"))
                .evaluate(share(7, 7, 13, T.plusSeconds(1)), T.plusSeconds(1));

        assertThat(underDefaults).isEmpty();
        assertThat(underNewRule).singleElement().satisfies(opened -> {
            assertThat(opened.type()).isEqualTo(AlertEventType.OPENED);
            assertThat(opened.reason()).endsWith("above the 33 % threshold.");
        });
    }

    @Test
    void an_invalid_rule_changes_nothing_and_the_previous_rule_keeps_judging() {
        book = book.apply("subject:route-42", "{\"negative-surge\": {\"openSharePercent\": 33, "
                + "\"clearSharePercent\": 20}}");

        assertThatThrownBy(() -> book.apply("subject:route-42", "{\"negative-surge\": {\"openSharePercent\": \"low\"}}"))
                .isInstanceOf(InvalidRuleException.class);
        List<AlertEvent> events = alerts.withRules(book.rulesForSubject("route-42")).evaluate(share(7, 7, 13, T), T);

        assertThat(events).extracting(AlertEvent::type).containsExactly(AlertEventType.OPENED);
    }

    @Test
    void switching_a_rule_off_resolves_its_open_alert() {
        alerts.withRules(book.rulesForSubject("route-42")).evaluate(share(10, 9, 11, T), T);

        book = book.apply("subject:route-42", "{\"negative-surge\": {\"enabled\": false}}");
        List<AlertEvent> events = alerts.withRules(book.rulesForSubject("route-42"))
                .evaluate(share(10, 9, 11, T.plusSeconds(60)), T.plusSeconds(60));
        List<AlertEvent> afterwards = alerts.evaluate(share(12, 9, 9, T.plusSeconds(120)), T.plusSeconds(120));

        assertThat(events).singleElement().satisfies(resolved -> {
            assertThat(resolved.type()).isEqualTo(AlertEventType.RESOLVED);
            assertThat(resolved.resolution()).isEqualTo(Resolution.RULE_SWITCHED_OFF);
            assertThat(resolved.reason()).isEqualTo("The negative-surge rule was switched off for route-42, so its"
                    + " open alert is resolved.");
        });
        assertThat(afterwards).isEmpty();
    }
}
