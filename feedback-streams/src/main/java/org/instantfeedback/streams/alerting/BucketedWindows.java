package org.instantfeedback.streams.alerting;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.metrics.WindowFigures;
import org.instantfeedback.alerting.metrics.WindowMetrics;
import org.instantfeedback.alerting.metrics.WindowMetricsCodec;

/**
 * Trailing windows of a subject or group assembled from buckets: every response is counted in its
 * one-minute bucket and in its quarter-hour bucket. A window ends with the minute of "now"; its
 * whole quarter hours are read from the coarse buckets and the minutes at either edge from the fine
 * ones, so a 24-hour window merges at most 96 + 2 x 14 buckets instead of 1,440, with the same
 * figures ({@link WindowMetrics#merge} is exact). The merged quarter hours are remembered
 * ({@link SettledQuarterHours}): they are all before the current one and rarely change.
 */
final class BucketedWindows {
    static final Duration FINE = Duration.ofMinutes(1);
    static final Duration COARSE = Duration.ofMinutes(15);

    private final WindowStore<String, byte[]> fine;
    private final WindowStore<String, byte[]> coarse;
    private final SettledQuarterHours settled = new SettledQuarterHours();

    BucketedWindows(WindowStore<String, byte[]> fine, WindowStore<String, byte[]> coarse) {
        this.fine = fine;
        this.coarse = coarse;
    }

    void add(ScopeKey key, FeedbackObservation observation) {
        long at = observation.occurredAt().toEpochMilli();
        add(fine, key, observation, floor(at, FINE));
        add(coarse, key, observation, floor(at, COARSE));
        settled.forget(key.toString(), floor(at, COARSE));
    }

    /** The figures of the trailing window of {@code size} ending with the minute of {@code now}. */
    WindowFigures figures(ScopeKey key, Duration size, Instant now) {
        long end = floor(now.toEpochMilli(), FINE) + FINE.toMillis();
        long start = end - size.toMillis();
        long coarseFrom = ceil(start, COARSE);
        long coarseTo = floor(end, COARSE);
        WindowMetrics merged;
        if (coarseFrom >= coarseTo) {
            merged = merge(fine, key, start, end, WindowMetrics.empty());
        } else {
            merged = merge(fine, key, start, coarseFrom, WindowMetrics.empty());
            merged = merged.merge(quarterHours(key, coarseFrom, coarseTo));
            merged = merge(fine, key, coarseTo, end, merged);
        }
        return merged.figures(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end));
    }

    private WindowMetrics quarterHours(ScopeKey key, long from, long to) {
        WindowMetrics merged = settled.get(key.toString(), from, to);
        if (merged == null) {
            merged = merge(coarse, key, from, to, WindowMetrics.empty());
            settled.put(key.toString(), from, to, merged);
        }
        return merged;
    }

    private static void add(WindowStore<String, byte[]> store, ScopeKey key, FeedbackObservation observation,
                            long bucketStart) {
        byte[] stored = store.fetch(key.toString(), bucketStart);
        WindowMetrics bucket = stored == null ? WindowMetrics.empty() : WindowMetricsCodec.decode(stored);
        store.put(key.toString(), WindowMetricsCodec.encode(bucket.add(observation)), bucketStart);
    }

    /** Merges the buckets starting in {@code [from, to)}. */
    private static WindowMetrics merge(WindowStore<String, byte[]> store, ScopeKey key, long from, long to,
                                       WindowMetrics merged) {
        if (from >= to) {
            return merged;
        }
        WindowMetrics result = merged;
        try (WindowStoreIterator<byte[]> buckets = store.fetch(key.toString(), from, to - 1)) {
            while (buckets.hasNext()) {
                result = result.merge(WindowMetricsCodec.decode(buckets.next().value));
            }
        }
        return result;
    }

    private static long floor(long epochMillis, Duration bucket) {
        return Math.floorDiv(epochMillis, bucket.toMillis()) * bucket.toMillis();
    }

    private static long ceil(long epochMillis, Duration bucket) {
        return -Math.floorDiv(-epochMillis, bucket.toMillis()) * bucket.toMillis();
    }
}
