package org.instantfeedback.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instantfeedback.alerting.WindowBuilder.windowTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.instantfeedback.alerting.AlertEvent;
import org.instantfeedback.alerting.AlertEventType;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.Resolution;
import org.instantfeedback.alerting.Scope;
import org.instantfeedback.alerting.Severity;
import org.instantfeedback.alerting.checks.AlertFigures;
import org.instantfeedback.alerting.metrics.WindowFigures;
import org.junit.jupiter.api.Test;

class NegativeSurgeAlertTest {
    private static final Instant T = Instant.parse("2025-03-10T08:15:00Z");

    private final Alerts alerts = Alerts.of(AlertKind.NEGATIVE_SURGE);

    @Test
    void opens_one_alert_when_the_negative_share_crosses_the_threshold_with_enough_texts_and_people() {
        List<AlertEvent> events = alerts.evaluate(share(10, 9, 11, T), T);

        assertThat(events).singleElement().satisfies(opened -> {
            assertThat(opened.type()).isEqualTo(AlertEventType.OPENED);
            assertThat(opened.severity()).isEqualTo(Severity.WARNING);
            assertThat(opened.reason()).isEqualTo("Negative share on route-42 reached 48 % (10 of 21 texts; 9 people"
                    + " complaining) in the 15 minutes to 08:15, above the 40 % threshold.");
            assertThat(opened.alertId()).isEqualTo(AlertIds.of(Scope.SUBJECT, "route-42", AlertKind.NEGATIVE_SURGE,
                    1, T));
            assertThat(opened.eventId()).isEqualTo(opened.alertId() + "#1");
            assertThat(opened.window().start()).isEqualTo(T.minus(Duration.ofMinutes(15)));
            assertThat(opened.figures().negativeSharePercent()).isEqualTo(47.6);
            assertThat(opened.figures().complainants()).isEqualTo(9);
            assertThat(opened.examples()).hasSize(3).allMatch(text -> text.contains("late again"));
            assertThat(opened.openedAt()).isEqualTo(T);
        });
        assertThat(alerts.state().isOpen()).isTrue();
    }

    @Test
    void ignores_one_sender_sending_every_complaint() {
        WindowFigures spam = windowTo(T).negativeTexts(20, 1).positiveTexts(5, 5).windowFigures();

        List<AlertEvent> events = alerts.evaluate(AlertFigures.of(spam), T);

        assertThat(spam.counts().negativeSharePercent()).hasValue(80.0);
        assertThat(events).isEmpty();
        assertThat(alerts.state().isOpen()).isFalse();
    }

    @Test
    void does_not_open_on_too_few_texts() {
        assertThat(alerts.evaluate(share(5, 5, 2, T), T)).isEmpty();
    }

    @Test
    void escalates_when_the_share_reaches_the_critical_level_and_only_once() {
        alerts.evaluate(share(10, 9, 11, T), T);

        List<AlertEvent> escalation = alerts.evaluate(share(14, 9, 6, T.plusSeconds(60)), T.plusSeconds(60));
        List<AlertEvent> stillCritical = alerts.evaluate(share(15, 9, 5, T.plusSeconds(120)), T.plusSeconds(120));

        assertThat(escalation).singleElement().satisfies(escalated -> {
            assertThat(escalated.type()).isEqualTo(AlertEventType.ESCALATED);
            assertThat(escalated.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(escalated.alertId()).isEqualTo(alerts.published().get(0).alertId());
            assertThat(escalated.reason()).endsWith("above the critical 60 % threshold.");
        });
        assertThat(stillCritical).isEmpty();
        assertThat(alerts.state().open().escalatedAt()).isEqualTo(T.plusSeconds(60));
    }

    @Test
    void keeps_one_alert_while_the_share_wavers_between_the_clear_and_open_thresholds() {
        alerts.evaluate(share(9, 9, 11, T), T);

        for (int minute = 1; minute <= 40; minute++) {
            Instant now = T.plus(Duration.ofMinutes(minute));
            AlertFigures figures = minute % 2 == 0 ? share(9, 9, 11, now) : share(6, 6, 14, now);
            alerts.evaluate(figures, now);
        }

        assertThat(alerts.publishedTypes()).containsExactly(AlertEventType.OPENED);
        assertThat(alerts.state().open().healthySince()).isNull();
    }

    @Test
    void does_not_step_down_in_severity_while_open() {
        alerts.evaluate(share(14, 9, 6, T), T);

        alerts.evaluate(share(9, 9, 11, T.plusSeconds(60)), T.plusSeconds(60));

        assertThat(alerts.state().open().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alerts.publishedTypes()).containsExactly(AlertEventType.OPENED);
    }

    @Test
    void resolves_only_after_the_figures_stayed_below_the_clear_level_for_the_hold_down_period() {
        alerts.evaluate(share(10, 9, 11, T), T);

        for (int minute = 1; minute <= 10; minute++) {
            alerts.evaluate(share(5, 5, 20, T.plus(Duration.ofMinutes(minute))), T.plus(Duration.ofMinutes(minute)));
        }
        List<AlertEvent> resolution = alerts.evaluate(share(5, 5, 20, T.plus(Duration.ofMinutes(11))),
                T.plus(Duration.ofMinutes(11)));

        assertThat(alerts.publishedTypes()).containsExactly(AlertEventType.OPENED, AlertEventType.RESOLVED);
        assertThat(resolution).singleElement().satisfies(resolved -> {
            assertThat(resolved.resolution()).isEqualTo(Resolution.AUTOMATIC);
            assertThat(resolved.resolvedAt()).isEqualTo(T.plus(Duration.ofMinutes(11)));
            assertThat(resolved.timeToResolve()).isEqualTo(Duration.ofMinutes(11));
            assertThat(resolved.actor()).isNull();
            assertThat(resolved.reason()).isEqualTo("The negative surge on route-42 is over: the figures have been "
                    + "healthy for 10 minutes, now 20 % negative (5 of 25 texts) in the 15 minutes to 08:26, below "
                    + "the 25 % clear level.");
        });
        assertThat(alerts.state().isOpen()).isFalse();
    }

    @Test
    void a_relapse_into_the_band_restarts_the_hold_down() {
        alerts.evaluate(share(10, 9, 11, T), T);
        for (int minute = 1; minute <= 25; minute++) {
            Instant now = T.plus(Duration.ofMinutes(minute));
            alerts.evaluate(minute == 8 ? share(6, 6, 14, now) : share(5, 5, 20, now), now);
            if (minute < 19) {
                assertThat(alerts.state().isOpen()).as("open at minute %d", minute).isTrue();
            }
        }

        AlertEvent resolved = alerts.published().get(1);
        assertThat(resolved.type()).isEqualTo(AlertEventType.RESOLVED);
        assertThat(resolved.eventAt()).isEqualTo(T.plus(Duration.ofMinutes(19)));
    }

    @Test
    void a_window_that_went_quiet_counts_as_healthy() {
        alerts.evaluate(share(10, 9, 11, T), T);

        Instant later = T.plus(Duration.ofMinutes(20));
        alerts.evaluate(AlertFigures.of(WindowFigures.empty(later.minus(Duration.ofMinutes(15)), later)), later);
        alerts.evaluate(AlertFigures.of(WindowFigures.empty(later.minus(Duration.ofMinutes(5)),
                later.plus(Duration.ofMinutes(10)))), later.plus(Duration.ofMinutes(10)));

        assertThat(alerts.published().get(1).reason()).contains("now 0 texts and 0 people complaining",
                "fewer than the 8 texts and 5 people a surge needs");
    }

    @Test
    void a_new_breach_after_resolution_opens_a_new_alert_with_a_new_id() {
        alerts.evaluate(share(10, 9, 11, T), T);
        alerts.evaluate(share(5, 5, 20, T.plusSeconds(60)), T.plusSeconds(60));
        alerts.evaluate(share(5, 5, 20, T.plus(Duration.ofMinutes(11))), T.plus(Duration.ofMinutes(11)));

        Instant relapse = T.plus(Duration.ofMinutes(30));
        alerts.evaluate(share(10, 9, 11, relapse), relapse);

        List<AlertEvent> events = alerts.published();
        assertThat(alerts.publishedTypes()).containsExactly(AlertEventType.OPENED, AlertEventType.RESOLVED,
                AlertEventType.OPENED);
        assertThat(events.get(2).alertId()).isNotEqualTo(events.get(0).alertId())
                .isEqualTo(AlertIds.of(Scope.SUBJECT, "route-42", AlertKind.NEGATIVE_SURGE, 2, relapse));
        assertThat(alerts.state().alertsOpened()).isEqualTo(2);
    }

    @Test
    void the_same_state_and_figures_give_the_same_events_when_processed_again() {
        AlertState before = alerts.state();
        AlertFigures figures = share(10, 9, 11, T);

        AlertEvaluation first = Alerts.EVALUATOR.evaluate(before, figures, alerts.rules(), T);
        AlertEvaluation replay = Alerts.EVALUATOR.evaluate(before, figures, alerts.rules(), T);

        assertThat(replay).isEqualTo(first);
    }

    /** {@code negative} negative texts from {@code people} people, {@code positive} positive texts from as many others. */
    static AlertFigures share(int negative, int people, int positive, Instant end) {
        return windowTo(end).negativeTexts(negative, people).positiveTexts(positive, Math.max(positive, 1)).figures();
    }
}
