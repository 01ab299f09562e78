package org.instantfeedback.alerting.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.instantfeedback.alerting.Feedback.feedback;

import java.time.Duration;
import java.time.Instant;
import org.instantfeedback.alerting.FeedbackObservation;
import org.junit.jupiter.api.Test;

class BaselineLearnerTest {
    private static final Instant MIDNIGHT = Instant.parse("2025-03-10T00:00:00Z");
    private static final BaselineSettings QUICK = new BaselineSettings(Duration.ofHours(1), 3, 5, 2,
            Duration.ofMinutes(15), 3, 4);

    private final BaselineLearner learner = new BaselineLearner(QUICK);

    @Test
    void has_no_usual_csat_before_a_period_completes() {
        SubjectBaseline baseline = ratings(SubjectBaseline.NONE, MIDNIGHT, 10, 8);

        assertThat(learner.csat(baseline, MIDNIGHT.plusSeconds(1800))).isEqualTo(BaselineReading.NONE);
    }

    @Test
    void learns_the_usual_csat_from_completed_hours_and_warms_up_after_enough_of_them() {
        SubjectBaseline baseline = ratings(SubjectBaseline.NONE, MIDNIGHT, 10, 8);
        baseline = ratings(baseline, MIDNIGHT.plus(Duration.ofHours(1)), 10, 6);

        BaselineReading afterOneHour = learner.csat(ratings(SubjectBaseline.NONE, MIDNIGHT, 10, 8),
                MIDNIGHT.plus(Duration.ofHours(1)));
        BaselineReading afterTwoHours = learner.csat(baseline, MIDNIGHT.plus(Duration.ofHours(2)));

        assertThat(afterOneHour.value()).isEqualTo(80.0);
        assertThat(afterOneHour.warm()).isFalse();
        // weight 2/(3+1) = 0.5 on the newest hour: 80 + 0.5 * (60 - 80)
        assertThat(afterTwoHours.value()).isEqualTo(70.0);
        assertThat(afterTwoHours.warm()).isTrue();
        assertThat(afterTwoHours.ifWarm()).hasValue(70.0);
    }

    @Test
    void skips_hours_with_too_few_ratings_to_mean_anything() {
        SubjectBaseline baseline = ratings(SubjectBaseline.NONE, MIDNIGHT, 10, 8);
        baseline = ratings(baseline, MIDNIGHT.plus(Duration.ofHours(1)), 2, 0);

        BaselineReading reading = learner.csat(baseline, MIDNIGHT.plus(Duration.ofHours(2)));

        assertThat(reading.value()).isEqualTo(80.0);
        assertThat(reading.samples()).isEqualTo(1);
    }

    @Test
    void leaves_the_open_hour_out_of_the_usual_csat() {
        SubjectBaseline baseline = ratings(SubjectBaseline.NONE, MIDNIGHT, 10, 8);
        baseline = ratings(baseline, MIDNIGHT.plus(Duration.ofHours(1)), 10, 0);

        assertThat(learner.csat(baseline, MIDNIGHT.plus(Duration.ofMinutes(90))).value()).isEqualTo(80.0);
    }

    @Test
    void counts_quiet_periods_as_zero_complaints() {
        SubjectBaseline baseline = complaints(SubjectBaseline.NONE, MIDNIGHT, 8);

        BaselineReading nextPeriod = learner.usualComplaints(baseline, Duration.ofMinutes(15),
                MIDNIGHT.plus(Duration.ofMinutes(15)));
        BaselineReading twoQuietPeriodsLater = learner.usualComplaints(baseline, Duration.ofMinutes(15),
                MIDNIGHT.plus(Duration.ofMinutes(45)));

        assertThat(nextPeriod.value()).isEqualTo(8.0);
        // two empty periods, each halving: 8 -> 4 -> 2
        assertThat(twoQuietPeriodsLater.value()).isEqualTo(2.0);
        assertThat(twoQuietPeriodsLater.samples()).isEqualTo(3);
    }

    @Test
    void a_young_baseline_is_the_plain_mean_of_its_periods_not_its_first_one() {
        BaselineLearner slow = new BaselineLearner(new BaselineSettings(Duration.ofHours(1), 24, 5, 6,
                Duration.ofMinutes(15), 96, 4));
        SubjectBaseline baseline = SubjectBaseline.NONE;
        int[] perQuarter = {9, 1, 2, 0};
        for (int i = 0; i < perQuarter.length; i++) {
            baseline = complaints(slow, baseline, MIDNIGHT.plus(Duration.ofMinutes(15L * i)), perQuarter[i]);
        }

        BaselineReading usual = slow.usualComplaints(baseline, Duration.ofMinutes(15), MIDNIGHT.plus(Duration.ofHours(1)));

        // (9 + 1 + 2 + 0) / 4, where an EWMA weighing 2/97 from the first 9 would still say about 8.5
        assertThat(usual.value()).isCloseTo(3.0, offset(1e-9));
        assertThat(usual.warm()).isTrue();
    }

    @Test
    void a_young_baseline_counts_quiet_periods_in_its_mean() {
        BaselineLearner slow = new BaselineLearner(new BaselineSettings(Duration.ofHours(1), 24, 5, 6,
                Duration.ofMinutes(15), 96, 4));
        SubjectBaseline baseline = complaints(slow, SubjectBaseline.NONE, MIDNIGHT, 8);

        BaselineReading usual = slow.usualComplaints(baseline, Duration.ofMinutes(15), MIDNIGHT.plus(Duration.ofHours(1)));

        assertThat(usual.value()).isCloseTo(2.0, offset(1e-9));
        assertThat(usual.samples()).isEqualTo(4);
    }

    @Test
    void is_cold_until_enough_periods_have_passed() {
        SubjectBaseline baseline = complaints(SubjectBaseline.NONE, MIDNIGHT, 4);

        assertThat(learner.usualComplaints(baseline, Duration.ofMinutes(15), MIDNIGHT.plus(Duration.ofMinutes(45)))
                .warm()).isFalse();
        assertThat(learner.usualComplaints(baseline, Duration.ofMinutes(15), MIDNIGHT.plus(Duration.ofMinutes(60)))
                .warm()).isTrue();
    }

    @Test
    void scales_the_usual_complaints_to_the_window_asked_for() {
        SubjectBaseline baseline = complaints(SubjectBaseline.NONE, MIDNIGHT, 6);

        BaselineReading perHour = learner.usualComplaints(baseline, Duration.ofHours(1),
                MIDNIGHT.plus(Duration.ofMinutes(15)));

        assertThat(perHour.value()).isCloseTo(24.0, offset(1e-9));
    }

    @Test
    void counts_late_feedback_in_the_open_period() {
        SubjectBaseline baseline = complaints(SubjectBaseline.NONE, MIDNIGHT.plus(Duration.ofMinutes(20)), 2);
        baseline = complaints(baseline, MIDNIGHT.plus(Duration.ofMinutes(10)), 1);

        assertThat(baseline.complaints()).isEqualTo(3);
        assertThat(learner.usualComplaints(baseline, Duration.ofMinutes(15), MIDNIGHT.plus(Duration.ofMinutes(30)))
                .value()).isEqualTo(3.0);
    }

    @Test
    void the_codec_reads_back_what_it_wrote() {
        SubjectBaseline baseline = ratings(SubjectBaseline.NONE, MIDNIGHT, 10, 7);
        baseline = complaints(baseline, MIDNIGHT.plus(Duration.ofMinutes(75)), 5);

        assertThat(SubjectBaselineCodec.decode(SubjectBaselineCodec.encode(baseline))).isEqualTo(baseline);
        assertThat(SubjectBaselineCodec.decode(SubjectBaselineCodec.encode(SubjectBaseline.NONE)))
                .isEqualTo(SubjectBaseline.NONE);
    }

    private SubjectBaseline ratings(SubjectBaseline baseline, Instant hour, int count, int satisfied) {
        for (int i = 0; i < count; i++) {
            FeedbackObservation rating = feedback().at(hour.plusSeconds(60L * i)).stars(i < satisfied ? 5 : 2).build();
            baseline = learner.observe(baseline, rating);
        }
        return baseline;
    }

    private SubjectBaseline complaints(SubjectBaseline baseline, Instant at, int count) {
        return complaints(learner, baseline, at, count);
    }

    private static SubjectBaseline complaints(BaselineLearner learner, SubjectBaseline baseline, Instant at,
                                              int count) {
        for (int i = 0; i < count; i++) {
            baseline = learner.observe(baseline, feedback().at(at.plusSeconds(i)).negative("late again").build());
        }
        return baseline;
    }
}
