package org.instantfeedback.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instantfeedback.alerting.Feedback.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.instantfeedback.alerting.AlertEvent;
import org.instantfeedback.alerting.AlertEventJson;
import org.instantfeedback.alerting.AlertEventType;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.checks.AlertFigures;
import org.instantfeedback.alerting.metrics.WindowMetrics;
import org.instantfeedback.alerting.rules.AlertRules;
import org.junit.jupiter.api.Test;

/** The event id of every example goes with its text, so ops can go from an alert to the people who wrote. */
class ExampleEventIdsTest {
    private static final Instant T = Instant.parse("2025-03-10T08:15:00Z");
    /**
     * An urgent report alert as version 1 stored it, before examples had event ids: passenger-1's
     * "Fire in the engine" at {@link #T}, acknowledged by alice 30 s later. Bytes, not code that
     * writes them, so the test holds the stored layout rather than today's idea of it.
     */
    private static final byte[] STORED_IN_VERSION_1 = HexFormat.of().parseHex("0100075355424a4543540008726f7574"
            + "652d3432000d757267656e742d7265706f72740000000000000001000000000001002463353832356636652d653431372d"
            + "336433372d386162342d3531386336333461396630620008435249544943414c000001957f1f1ba000000001957f1f1ba0"
            + "0001000001957f1f90d0010005616c6963650000000200000000000000000100000000000000000000000000000000000000"
            + "00000000000000000000000000000000010000000000000001000000000000000100000000000000010000000000000100"
            + "124669726520696e2074686520656e67696e65000000019b509812fd8045aa");

    @Test
    void a_negative_surge_opens_with_the_event_ids_of_its_examples_in_the_same_order() {
        Alerts alerts = Alerts.of(AlertKind.NEGATIVE_SURGE);

        List<AlertEvent> events = alerts.evaluate(surge("early", 10, 11, T), T);

        assertThat(events).singleElement().satisfies(opened -> {
            assertThat(opened.examples()).containsExactly("late again early-10", "late again early-9",
                    "late again early-8");
            assertThat(opened.exampleEventIds()).containsExactly("early-10", "early-9", "early-8");
            assertThat(AlertEventJson.tree(opened).get("exampleEventIds").toString())
                    .isEqualTo("[\"early-10\",\"early-9\",\"early-8\"]");
        });
    }

    @Test
    void an_escalation_carries_the_newer_examples_with_their_ids_and_a_quiet_window_keeps_them() {
        Alerts alerts = Alerts.of(AlertKind.NEGATIVE_SURGE);
        alerts.evaluate(surge("early", 10, 11, T), T);

        List<AlertEvent> escalation = alerts.evaluate(surge("later", 14, 6, T.plusSeconds(60)), T.plusSeconds(60));
        alerts.evaluate(AlertFigures.of(WindowMetrics.empty().figures(T, T.plusSeconds(900))), T.plusSeconds(900));

        assertThat(escalation).singleElement().satisfies(escalated -> {
            assertThat(escalated.type()).isEqualTo(AlertEventType.ESCALATED);
            assertThat(escalated.exampleEventIds()).containsExactly("later-14", "later-13", "later-12");
        });
        assertThat(alerts.state().open().examples()).containsExactly("late again later-14", "late again later-13",
                "late again later-12");
        assertThat(alerts.state().open().exampleEventIds()).containsExactly("later-14", "later-13", "later-12");
    }

    @Test
    void urgent_reports_keep_the_report_event_ids_newest_first_and_only_as_many_as_examples() {
        Alerts alerts = Alerts.of(AlertKind.URGENT_REPORT);
        for (int i = 1; i <= 4; i++) {
            alerts.report(feedback().id("urgent-" + i).at(T.plusSeconds(i)).from("passenger-" + i)
                    .urgent("help on the 42, report " + i).build());
        }

        AlertEvent latest = alerts.published().get(alerts.published().size() - 1);
        assertThat(latest.examples()).containsExactly("help on the 42, report 4", "help on the 42, report 3",
                "help on the 42, report 2");
        assertThat(latest.exampleEventIds()).containsExactly("urgent-4", "urgent-3", "urgent-2");
    }

    @Test
    void an_alert_stored_in_version_1_still_reads_with_its_examples_and_no_event_ids() {
        Alerts alerts = Alerts.of(AlertKind.URGENT_REPORT);
        alerts.report(feedback().id("urgent-1").at(T).from("passenger-1").urgent("Fire in the engine").build());
        alerts.acknowledge("alice", "on it", T.plusSeconds(30));
        OpenAlert open = alerts.state().open();

        AlertState read = AlertStateCodec.decode(STORED_IN_VERSION_1);

        assertThat(read.open().examples()).containsExactly("Fire in the engine");
        assertThat(read.open().exampleEventIds()).isEmpty();
        assertThat(read.open().acknowledgedBy()).isEqualTo("alice");
        assertThat(read.open().figures()).isEqualTo(open.figures());
        assertThat(read.mutedReporters()).isEqualTo(alerts.state().mutedReporters());
    }

    @Test
    void a_report_joining_an_alert_read_from_version_1_gets_its_id_in_front_of_the_older_examples() {
        AlertState read = AlertStateCodec.decode(STORED_IN_VERSION_1);

        AlertEvaluation joined = Alerts.EVALUATOR.reportUrgent(read, feedback().id("urgent-2").at(T.plusSeconds(9))
                .from("passenger-2").urgent("Smoke everywhere").build(), AlertRules.DEFAULT);

        assertThat(joined.events()).singleElement().satisfies(updated -> {
            assertThat(updated.examples()).containsExactly("Smoke everywhere", "Fire in the engine");
            assertThat(updated.exampleEventIds()).containsExactly("urgent-2");
        });
        assertThat(AlertStateCodec.decode(AlertStateCodec.encode(joined.state()))).isEqualTo(joined.state());
    }

    /**
     * {@code negative} complaints "late again {prefix}-n" (event ids {@code prefix-n}, the higher n the
     * newer) from one person fewer than there are complaints, and {@code positive} praise from as
     * many others, in the 15 minutes to {@code end}.
     */
    private static AlertFigures surge(String prefix, int negative, int positive, Instant end) {
        List<FeedbackObservation> responses = new ArrayList<>();
        for (int n = 1; n <= negative; n++) {
            responses.add(feedback().id(prefix + "-" + n).at(end.minusSeconds(300 - n)).from(prefix + "-sender-"
                    + Math.min(n, negative - 1)).negative("late again " + prefix + "-" + n).build());
        }
        for (int n = 1; n <= positive; n++) {
            responses.add(feedback().at(end.minusSeconds(400 + n)).from(prefix + "-fan-" + n).positive("fine").build());
        }
        WindowMetrics metrics = WindowMetrics.empty();
        for (FeedbackObservation response : responses) {
            metrics = metrics.add(response);
        }
        return AlertFigures.of(metrics.figures(end.minus(Duration.ofMinutes(15)), end));
    }
}
