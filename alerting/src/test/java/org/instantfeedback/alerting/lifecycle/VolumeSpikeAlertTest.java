package org.instantfeedback.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.instantfeedback.alerting.Feedback.negativeText;
import static org.instantfeedback.alerting.WindowBuilder.windowTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.instantfeedback.alerting.AlertEvent;
import org.instantfeedback.alerting.AlertEventType;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.Severity;
import org.instantfeedback.alerting.baseline.BaselineLearner;
import org.instantfeedback.alerting.baseline.BaselineReading;
import org.instantfeedback.alerting.baseline.BaselineSettings;
import org.instantfeedback.alerting.baseline.SubjectBaseline;
import org.junit.jupiter.api.Test;

class VolumeSpikeAlertTest {
    private static final Instant MIDNIGHT = Instant.parse("2025-03-10T00:00:00Z");
    private static final Duration QUARTER = Duration.ofMinutes(15);

    private final Alerts alerts = Alerts.of(AlertKind.VOLUME_SPIKE);
    private final BaselineLearner learner = new BaselineLearner(BaselineSettings.DEFAULT);

    @Test
    void opens_when_complaints_reach_three_times_the_usual_rate() {
        Instant end = MIDNIGHT.plus(Duration.ofHours(8));

        List<AlertEvent> events = alerts.evaluate(windowTo(end).negativeTexts(12, 8)
                .usualComplaints(BaselineReading.warm(3.0)).figures(), end);

        assertThat(events).singleElement().satisfies(opened -> {
            assertThat(opened.type()).isEqualTo(AlertEventType.OPENED);
            assertThat(opened.severity()).isEqualTo(Severity.WARNING);
            assertThat(opened.reason()).isEqualTo("Complaints on route-42 reached 12 from 8 people in the 15 minutes"
                    + " to 08:00, 4.0 times the usual 3.0, at or above the 3x threshold.");
            assertThat(opened.figures().usualComplaints()).isEqualTo(3.0);
        });
    }

    @Test
    void opens_against_the_usual_rate_learnt_over_a_day_but_not_during_warm_up() {
        SubjectBaseline halfDay = history(3, 48);
        SubjectBaseline fullDay = history(3, 96);
        Instant afterHalfDay = MIDNIGHT.plus(Duration.ofHours(12)).plus(Duration.ofMinutes(10));
        Instant afterFullDay = MIDNIGHT.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(10));

        List<AlertEvent> duringWarmUp = alerts.evaluate(windowTo(afterHalfDay).negativeTexts(12, 8)
                .usualComplaints(learner.usualComplaints(halfDay, QUARTER, afterHalfDay)).figures(), afterHalfDay);
        BaselineReading usual = learner.usualComplaints(fullDay, QUARTER, afterFullDay);
        List<AlertEvent> warm = alerts.evaluate(windowTo(afterFullDay).negativeTexts(12, 8)
                .usualComplaints(usual).figures(), afterFullDay);

        assertThat(duringWarmUp).isEmpty();
        assertThat(usual.warm()).isTrue();
        assertThat(usual.value()).isCloseTo(3.0, offset(1e-9));
        assertThat(warm).extracting(AlertEvent::type).containsExactly(AlertEventType.OPENED);
    }

    @Test
    void needs_a_minimum_of_complaints_however_quiet_the_subject_usually_is() {
        Instant end = MIDNIGHT.plus(Duration.ofHours(8));

        assertThat(alerts.evaluate(windowTo(end).negativeTexts(9, 9).usualComplaints(BaselineReading.warm(0.5))
                .figures(), end)).isEmpty();
    }

    @Test
    void ignores_one_sender_flooding_complaints() {
        Instant end = MIDNIGHT.plus(Duration.ofHours(8));

        assertThat(alerts.evaluate(windowTo(end).negativeTexts(40, 2).usualComplaints(BaselineReading.warm(3.0))
                .figures(), end)).isEmpty();
    }

    @Test
    void is_critical_from_five_times_the_usual_rate() {
        Instant end = MIDNIGHT.plus(Duration.ofHours(8));

        List<AlertEvent> events = alerts.evaluate(windowTo(end).negativeTexts(20, 10)
                .usualComplaints(BaselineReading.warm(3.0)).figures(), end);

        assertThat(events).singleElement().satisfies(opened -> {
            assertThat(opened.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(opened.reason()).endsWith("6.7 times the usual 3.0, at or above the critical 5x threshold.");
        });
    }

    private SubjectBaseline history(int complaintsPerQuarter, int quarters) {
        SubjectBaseline baseline = SubjectBaseline.NONE;
        for (int q = 0; q < quarters; q++) {
            for (int i = 0; i < complaintsPerQuarter; i++) {
                Instant at = MIDNIGHT.plus(QUARTER.multipliedBy(q)).plusSeconds(60L * i);
                baseline = learner.observe(baseline, negativeText("regular-" + i, at));
            }
        }
        return baseline;
    }
}
