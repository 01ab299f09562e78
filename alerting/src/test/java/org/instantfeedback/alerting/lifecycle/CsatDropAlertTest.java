package org.instantfeedback.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instantfeedback.alerting.WindowBuilder.windowTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.instantfeedback.alerting.AlertEvent;
import org.instantfeedback.alerting.AlertEventType;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.Severity;
import org.instantfeedback.alerting.WindowBuilder;
import org.instantfeedback.alerting.baseline.BaselineReading;
import org.instantfeedback.alerting.checks.AlertFigures;
import org.junit.jupiter.api.Test;

class CsatDropAlertTest {
    private static final Instant T = Instant.parse("2025-03-10T09:00:00Z");

    private final Alerts alerts = Alerts.of(AlertKind.CSAT_DROP);

    @Test
    void opens_when_csat_falls_below_the_floor() {
        List<AlertEvent> events = alerts.evaluate(csat(7, 6, T).figures(), T);

        assertThat(events).singleElement().satisfies(opened -> {
            assertThat(opened.type()).isEqualTo(AlertEventType.OPENED);
            assertThat(opened.severity()).isEqualTo(Severity.WARNING);
            assertThat(opened.reason()).isEqualTo("CSAT on route-42 fell to 54 % (7 of 13 ratings satisfied; 6 people"
                    + " unhappy) in the hour to 09:00, below the 60 % floor.");
            assertThat(opened.window().size()).isEqualTo(Duration.ofHours(1));
            assertThat(opened.figures().csatPercent()).isEqualTo(53.8);
        });
    }

    @Test
    void is_critical_below_the_critical_floor() {
        List<AlertEvent> events = alerts.evaluate(csat(4, 8, T).figures(), T);

        assertThat(events).singleElement().satisfies(opened -> {
            assertThat(opened.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(opened.reason()).endsWith("below the critical 40 % floor.");
        });
    }

    @Test
    void opens_when_csat_falls_far_below_the_subjects_usual_csat() {
        List<AlertEvent> events = alerts.evaluate(csat(13, 7, T).csatBaseline(90).figures(), T);

        assertThat(events).singleElement().satisfies(opened -> {
            assertThat(opened.severity()).isEqualTo(Severity.WARNING);
            assertThat(opened.reason()).isEqualTo("CSAT on route-42 fell to 65 % (13 of 20 ratings satisfied; 7 people"
                    + " unhappy) in the hour to 09:00, 25 points below its usual 90 % (alert from 20 points).");
            assertThat(opened.figures().baselineCsatPercent()).isEqualTo(90.0);
        });
    }

    @Test
    void does_not_compare_against_a_baseline_still_warming_up() {
        AlertFigures figures = new AlertFigures(csat(13, 7, T).windowFigures(), new BaselineReading(90, 3, false),
                BaselineReading.NONE);

        assertThat(alerts.evaluate(figures, T)).isEmpty();
    }

    @Test
    void does_not_open_on_too_few_ratings() {
        assertThat(alerts.evaluate(csat(0, 9, T).figures(), T)).isEmpty();
    }

    @Test
    void heals_only_above_the_clear_level_not_just_above_the_floor() {
        alerts.evaluate(csat(7, 6, T).figures(), T);

        for (int minute = 1; minute <= 30; minute++) {
            Instant now = T.plus(Duration.ofMinutes(minute));
            alerts.evaluate(csat(13, 7, now).figures(), now);
        }
        assertThat(alerts.state().isOpen()).isTrue();
        assertThat(alerts.state().open().healthySince()).isNull();

        for (int minute = 31; minute <= 41; minute++) {
            Instant now = T.plus(Duration.ofMinutes(minute));
            alerts.evaluate(csat(15, 5, now).figures(), now);
        }
        assertThat(alerts.publishedTypes()).containsExactly(AlertEventType.OPENED, AlertEventType.RESOLVED);
        assertThat(alerts.published().get(1).reason()).contains("now CSAT 75 % (15 of 20 ratings satisfied)",
                "at or above the 70 % clear level");
    }

    @Test
    void heals_only_within_the_clear_distance_of_the_usual_csat() {
        alerts.evaluate(csat(13, 7, T).csatBaseline(90).figures(), T);

        Instant later = T.plus(Duration.ofMinutes(5));
        alerts.evaluate(csat(15, 5, later).csatBaseline(90).figures(), later);

        assertThat(alerts.state().open().healthySince()).isNull();
    }

    /** {@code satisfied} 5-star ratings from as many people and {@code unhappy} 2-star ratings from as many others. */
    private static WindowBuilder csat(int satisfied, int unhappy, Instant end) {
        return windowTo(end).lasting(Duration.ofHours(1)).ratings(5, satisfied, Math.max(satisfied, 1))
                .ratings(2, unhappy, Math.max(unhappy, 1));
    }
}
