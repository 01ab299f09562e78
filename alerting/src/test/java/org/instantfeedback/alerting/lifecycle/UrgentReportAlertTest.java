package org.instantfeedback.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instantfeedback.alerting.Feedback.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.instantfeedback.alerting.AlertEvent;
import org.instantfeedback.alerting.AlertEventType;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.Resolution;
import org.instantfeedback.alerting.Severity;
import org.junit.jupiter.api.Test;

class UrgentReportAlertTest {
    private static final Instant T = Instant.parse("2025-03-10T08:03:00Z");

    private final Alerts alerts = Alerts.of(AlertKind.URGENT_REPORT);

    @Test
    void one_urgent_message_raises_a_critical_alert_at_once() {
        List<AlertEvent> events = alerts.report(urgent("passenger-1", T, "A man is attacking the driver on the 42"));

        assertThat(events).singleElement().satisfies(opened -> {
            assertThat(opened.type()).isEqualTo(AlertEventType.OPENED);
            assertThat(opened.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(opened.reason()).isEqualTo("An urgent report about route-42 came in at 08:03 (topics: safety);"
                    + " it is raised at once, without waiting for more reports.");
            assertThat(opened.examples()).containsExactly("A man is attacking the driver on the 42");
            assertThat(opened.window()).isNull();
            assertThat(opened.figures().urgentReports()).isEqualTo(1);
        });
    }

    @Test
    void repeated_reports_from_the_same_sender_raise_nothing_more() {
        alerts.report(urgent("bot", T, "FIRE FIRE FIRE"));

        for (int i = 1; i <= 30; i++) {
            alerts.report(urgent("bot", T.plusSeconds(i), "FIRE FIRE FIRE " + i));
        }

        assertThat(alerts.publishedTypes()).containsExactly(AlertEventType.OPENED);
        assertThat(alerts.state().open().figures().urgentReports()).isEqualTo(31);
        assertThat(alerts.state().open().figures().distinctSenders()).isEqualTo(1);
        assertThat(alerts.state().alertsOpened()).isEqualTo(1);
    }

    @Test
    void a_report_from_someone_new_updates_the_open_alert_with_their_words() {
        alerts.report(urgent("passenger-1", T, "A man is attacking the driver"));

        List<AlertEvent> events = alerts.report(urgent("passenger-2", T.plus(Duration.ofMinutes(4)),
                "Fight at the back of the bus, someone call the police"));

        assertThat(events).singleElement().satisfies(updated -> {
            assertThat(updated.type()).isEqualTo(AlertEventType.UPDATED);
            assertThat(updated.alertId()).isEqualTo(alerts.published().get(0).alertId());
            assertThat(updated.reason()).isEqualTo("Another person sent an urgent report about route-42 at 08:07;"
                    + " 2 people have reported since 08:03.");
            assertThat(updated.examples()).containsExactly("Fight at the back of the bus, someone call the police",
                    "A man is attacking the driver");
        });
    }

    @Test
    void anonymous_reports_count_as_one_reporter() {
        alerts.report(urgent(null, T, "smoke in the bus"));
        alerts.report(urgent(null, T.plusSeconds(30), "smoke in the bus!!"));

        assertThat(alerts.publishedTypes()).containsExactly(AlertEventType.OPENED);
    }

    @Test
    void stays_open_until_acknowledged_however_quiet_it_gets() {
        alerts.report(urgent("passenger-1", T, "A man is attacking the driver"));

        alerts.review(T.plus(Duration.ofHours(6)));

        assertThat(alerts.state().isOpen()).isTrue();
    }

    @Test
    void resolves_itself_once_acknowledged_and_quiet_for_the_hold_down() {
        alerts.report(urgent("passenger-1", T, "A man is attacking the driver"));
        alerts.acknowledge("alice", "police on the way", T.plus(Duration.ofMinutes(2)));

        alerts.review(T.plus(Duration.ofMinutes(59)));
        List<AlertEvent> events = alerts.review(T.plus(Duration.ofMinutes(60)));

        assertThat(events).singleElement().satisfies(resolved -> {
            assertThat(resolved.type()).isEqualTo(AlertEventType.RESOLVED);
            assertThat(resolved.resolution()).isEqualTo(Resolution.AUTOMATIC);
            assertThat(resolved.reason()).isEqualTo("The urgent report alert on route-42 is closed: alice acknowledged"
                    + " it at 08:05 and no new urgent report came in for 1 hour after the last at 08:03.");
            assertThat(resolved.timeToAcknowledge()).isEqualTo(Duration.ofMinutes(2));
            assertThat(resolved.timeToResolve()).isEqualTo(Duration.ofHours(1));
        });
    }

    @Test
    void after_ops_resolve_it_the_same_people_do_not_reopen_it_but_someone_new_does() {
        alerts.report(urgent("passenger-1", T, "A man is attacking the driver"));
        alerts.resolve("bob", "police handled it", T.plus(Duration.ofMinutes(20)));

        List<AlertEvent> repeat = alerts.report(urgent("passenger-1", T.plus(Duration.ofMinutes(25)), "again!"));
        List<AlertEvent> someoneNew = alerts.report(urgent("passenger-9", T.plus(Duration.ofMinutes(30)),
                "Driver collapsed, needs an ambulance"));

        assertThat(repeat).isEmpty();
        assertThat(someoneNew).singleElement().satisfies(opened -> {
            assertThat(opened.type()).isEqualTo(AlertEventType.OPENED);
            assertThat(opened.alertId()).isNotEqualTo(alerts.published().get(0).alertId());
        });
    }

    @Test
    void feedback_that_is_not_urgent_changes_nothing() {
        AlertState before = alerts.state();

        alerts.report(feedback().at(T).from("passenger-1").negative("the bus was late").build());

        assertThat(alerts.state()).isEqualTo(before);
        assertThat(alerts.published()).isEmpty();
    }

    private static FeedbackObservation urgent(String sender, Instant at, String text) {
        return feedback().at(at).from(sender).urgent(text).build();
    }
}
