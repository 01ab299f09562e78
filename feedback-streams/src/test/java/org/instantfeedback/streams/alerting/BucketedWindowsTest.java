package org.instantfeedback.streams.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.metrics.WindowFigures;
import org.instantfeedback.alerting.metrics.WindowMetrics;
import org.junit.jupiter.api.Test;

class BucketedWindowsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    private static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(24));
    private static final ScopeKey ROUTE = ScopeKey.subject("route-42");
    private static final ScopeKey DEPOT = ScopeKey.group("depot-north");

    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private final TimestampedWindowStore<String, WindowMetrics> slices = sliceStore();
    private final BucketedWindows windows = new BucketedWindows(slices, quarterHourStore());

    /**
     * Over two days of responses, a fifth of them late by up to three hours, every window of every
     * subject equals the direct count of the responses in it, at every step: the remembered quarter
     * hours are dropped whenever a late response lands in one.
     */
    @Test
    void windows_equal_a_direct_count_while_responses_arrive_late() {
        Random random = new Random(7);
        List<FeedbackObservation> route = new ArrayList<>();
        List<FeedbackObservation> depot = new ArrayList<>();
        Instant now = T0;
        for (int i = 0; i < 3_000; i++) {
            now = now.plusSeconds(random.nextInt(120));
            Instant at = random.nextInt(5) == 0 ? now.minusSeconds(random.nextInt(3 * 3600)) : now;
            boolean toRoute = random.nextBoolean();
            FeedbackObservation observation = observation(i, at, random);
            count(toRoute ? ROUTE : DEPOT, observation);
            (toRoute ? route : depot).add(observation);

            if (i % 7 == 0) {
                for (Duration size : WINDOWS) {
                    assertThat(windows.figures(ROUTE, size, now)).as("route-42, %s, at %s", size, now)
                            .isEqualTo(directCount(route, size, now));
                    assertThat(windows.figures(DEPOT, size, now)).as("depot-north, %s, at %s", size, now)
                            .isEqualTo(directCount(depot, size, now));
                }
            }
        }
    }

    private static WindowFigures directCount(List<FeedbackObservation> observations, Duration size, Instant now) {
        long end = Math.floorDiv(now.toEpochMilli(), 60_000L) * 60_000L + 60_000L;
        long start = end - size.toMillis();
        WindowMetrics metrics = WindowMetrics.empty();
        for (FeedbackObservation observation : observations) {
            long at = observation.occurredAt().toEpochMilli();
            if (at >= start && at < end) {
                metrics = metrics.add(observation);
            }
        }
        return metrics.figures(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end));
    }

    private static FeedbackObservation observation(int i, Instant at, Random random) {
        int stars = 1 + random.nextInt(5);
        return new FeedbackObservation("event-" + i, "route-42", at, stars, FeedbackObservation.STARS_5,
                stars <= 2 ? "negative" : "positive", random.nextInt(50) == 0, List.of("driver"),
                "person-" + random.nextInt(300), stars <= 2 ? "late again, number " + i : null);
    }

    /** What the topology's slice aggregation and its downstream processor do with one response. */
    private void count(ScopeKey key, FeedbackObservation observation) {
        long slice = BucketedWindows.floor(observation.occurredAt().toEpochMilli(), BucketedWindows.FINE);
        ValueAndTimestamp<WindowMetrics> stored = slices.fetch(key.toString(), slice);
        WindowMetrics counted = (stored == null ? WindowMetrics.empty() : stored.value()).add(observation);
        slices.put(key.toString(), ValueAndTimestamp.make(counted, slice), slice);
        windows.sliceChanged(key, slice);
    }

    private TimestampedWindowStore<String, WindowMetrics> sliceStore() {
        TimestampedWindowStore<String, WindowMetrics> store = Stores.timestampedWindowStoreBuilder(
                        Stores.inMemoryWindowStore("slices", Duration.ofDays(3), BucketedWindows.FINE, false),
                        Serdes.String(), WindowMetricsSerde.create())
                .withLoggingDisabled()
                .withCachingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    private WindowStore<String, byte[]> quarterHourStore() {
        WindowStore<String, byte[]> store = Stores.windowStoreBuilder(
                        Stores.inMemoryWindowStore("quarter-hours", Duration.ofDays(3), BucketedWindows.COARSE, false),
                        Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled()
                .withCachingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
