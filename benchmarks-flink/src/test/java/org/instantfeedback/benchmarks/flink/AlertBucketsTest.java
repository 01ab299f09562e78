package org.instantfeedback.benchmarks.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.metrics.WindowFigures;
import org.instantfeedback.alerting.metrics.WindowMetrics;
import org.junit.jupiter.api.Test;

class AlertBucketsTest {
    private static final String KEY = "subject:route-42";
    private static final Instant START = Instant.parse("2026-01-05T06:00:00Z");

    private final MapStateInMemory<Long, byte[]> fine = new MapStateInMemory<>();
    private final MapStateInMemory<Long, byte[]> coarse = new MapStateInMemory<>();
    private final AlertBuckets buckets = new AlertBuckets(fine, coarse);

    @Test
    void every_window_has_the_figures_of_counting_each_of_its_responses_in_one() throws Exception {
        List<FeedbackObservation> seen = new ArrayList<>();
        Random random = new Random(7);
        Instant now = START;
        for (int i = 0; i < 600; i++) {
            now = now.plusSeconds(random.nextInt(300));
            FeedbackObservation observation = observation(i, now);
            buckets.add(KEY, observation);
            seen.add(observation);
            for (Duration window : EvaluateAlerts.WINDOWS) {
                assertThat(buckets.figures(KEY, window, now)).isEqualTo(countedInOne(seen, window, now));
            }
        }
    }

    @Test
    void a_late_response_in_a_remembered_quarter_hour_counts_at_once() throws Exception {
        Instant now = START.plus(Duration.ofHours(3));
        buckets.add(KEY, observation(1, START.plus(Duration.ofMinutes(70))));
        buckets.add(KEY, observation(2, now));
        assertThat(buckets.figures(KEY, Duration.ofHours(24), now).counts().responses()).isEqualTo(2);

        buckets.add(KEY, observation(3, START.plus(Duration.ofMinutes(72))));

        assertThat(buckets.figures(KEY, Duration.ofHours(24), now).counts().responses()).isEqualTo(3);
    }

    @Test
    void a_new_quarter_hour_is_told_once_and_dropping_it_forgets_its_minutes() throws Exception {
        Instant at = START.plus(Duration.ofMinutes(16));
        assertThat(buckets.add(KEY, observation(1, at))).hasValue(START.plus(Duration.ofMinutes(15)).toEpochMilli());
        assertThat(buckets.add(KEY, observation(2, at.plusSeconds(200)))).isEmpty();

        buckets.drop(START.plus(Duration.ofMinutes(15)).toEpochMilli());

        assertThat(fine.entries).isEmpty();
        assertThat(coarse.entries).isEmpty();
    }

    private static WindowFigures countedInOne(List<FeedbackObservation> seen, Duration window, Instant now) {
        long minute = Duration.ofMinutes(1).toMillis();
        Instant end = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), minute) * minute + minute);
        Instant start = end.minus(window);
        WindowMetrics metrics = WindowMetrics.empty();
        for (FeedbackObservation observation : seen) {
            if (!observation.occurredAt().isBefore(start) && observation.occurredAt().isBefore(end)) {
                metrics = metrics.add(observation);
            }
        }
        return metrics.figures(start, end);
    }

    private static FeedbackObservation observation(int i, Instant at) {
        return new FeedbackObservation("event-" + i, "route-42", at, 1 + i % 5, FeedbackObservation.STARS_5,
                i % 3 == 0 ? "negative" : "positive", false, List.of(i % 2 == 0 ? "punctuality" : "staff"),
                "sender-" + i % 17, "late again " + i, null);
    }
}
