package org.instantfeedback.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.instantfeedback.alerting.AlertEvent;
import org.instantfeedback.alerting.AlertEventType;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.ConversationWaiting;
import org.instantfeedback.alerting.Resolution;
import org.instantfeedback.alerting.Severity;
import org.instantfeedback.alerting.rules.AlertRules;
import org.instantfeedback.alerting.rules.UnansweredRule;
import org.junit.jupiter.api.Test;

class UnansweredAlertTest {
    private static final Instant T = Instant.parse("2025-03-10T08:00:00Z");

    private final Alerts alerts = Alerts.of(AlertKind.UNANSWERED);

    @Test
    void a_passenger_waiting_past_the_limit_opens_a_warning_that_names_the_conversation() {
        List<AlertEvent> events = alerts.waiting(overdue("c1.1", T, "driver rude, nobody answers"));

        assertThat(events).singleElement().satisfies(opened -> {
            assertThat(opened.type()).isEqualTo(AlertEventType.OPENED);
            assertThat(opened.severity()).isEqualTo(Severity.WARNING);
            assertThat(opened.reason()).isEqualTo("A passenger on route-42 has waited 16 minutes for an answer,"
                    + " since 08:00 (conversation c1.1).");
            assertThat(opened.examples()).containsExactly("driver rude, nobody answers (conversation c1.1)");
            assertThat(opened.exampleEventIds()).containsExactly("c1.1-message");
            assertThat(opened.figures().distinctSenders()).isEqualTo(1);
        });
    }

    @Test
    void more_waiting_passengers_join_the_open_alert_and_the_same_one_twice_changes_nothing() {
        alerts.waiting(overdue("c1.1", T, "driver rude"));
        alerts.waiting(overdue("c1.1", T, "driver rude"));
        List<AlertEvent> events = alerts.waiting(overdue("c2.1", T.plusSeconds(120), "bus late"));

        assertThat(alerts.publishedTypes()).containsExactly(AlertEventType.OPENED, AlertEventType.UPDATED);
        assertThat(events.get(0).figures().distinctSenders()).isEqualTo(2);
        assertThat(events.get(0).examples()).containsExactly("bus late (conversation c2.1)",
                "driver rude (conversation c1.1)");
        assertThat(events.get(0).exampleEventIds()).containsExactly("c2.1-message", "c1.1-message");
    }

    @Test
    void resolves_itself_once_the_last_waiting_passenger_is_answered() {
        alerts.waiting(overdue("c1.1", T, "driver rude"));
        alerts.waiting(overdue("c2.1", T.plusSeconds(120), "bus late"));
        List<AlertEvent> first = alerts.waiting(answered("c1.1", T.plus(Duration.ofMinutes(20))));
        List<AlertEvent> last = alerts.waiting(answered("c2.1", T.plus(Duration.ofMinutes(25))));

        assertThat(first).isEmpty();
        assertThat(alerts.state().isOpen()).isFalse();
        assertThat(last).singleElement().satisfies(resolved -> {
            assertThat(resolved.type()).isEqualTo(AlertEventType.RESOLVED);
            assertThat(resolved.resolution()).isEqualTo(Resolution.AUTOMATIC);
        });
    }

    @Test
    void ops_acknowledge_and_resolve_it_like_any_alert_and_the_same_conversation_does_not_reopen_it() {
        alerts.waiting(overdue("c1.1", T, "driver rude"));
        alerts.acknowledge("sam", "on it", T.plus(Duration.ofMinutes(17)));
        alerts.resolve("sam", "answered by phone", T.plus(Duration.ofMinutes(18)));
        alerts.waiting(overdue("c1.1", T, "driver rude"));

        assertThat(alerts.publishedTypes()).containsExactly(AlertEventType.OPENED, AlertEventType.ACKNOWLEDGED,
                AlertEventType.RESOLVED);
    }

    @Test
    void switched_off_it_opens_nothing_and_resolves_what_is_open() {
        alerts.waiting(overdue("c1.1", T, "driver rude"));
        alerts.withRules(AlertRules.DEFAULT.with(new UnansweredRule(false)));

        List<AlertEvent> events = alerts.review(T.plus(Duration.ofMinutes(20)));
        alerts.waiting(overdue("c2.1", T.plus(Duration.ofMinutes(21)), "bus late"));

        assertThat(events).singleElement().satisfies(resolved ->
                assertThat(resolved.resolution()).isEqualTo(Resolution.RULE_SWITCHED_OFF));
        assertThat(alerts.publishedTypes()).containsExactly(AlertEventType.OPENED, AlertEventType.RESOLVED);
    }

    private static ConversationWaiting overdue(String conversationId, Instant since, String text) {
        return new ConversationWaiting("route-42", conversationId, true, since, text, conversationId + "-message",
                since.plus(Duration.ofMinutes(16)));
    }

    private static ConversationWaiting answered(String conversationId, Instant at) {
        return new ConversationWaiting("route-42", conversationId, false, null, null, null, at);
    }
}
