package org.instantfeedback.streams.alerting;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.instantfeedback.alerting.metrics.WindowFigures;
import org.instantfeedback.alerting.metrics.WindowMetrics;
import org.instantfeedback.alerting.metrics.WindowMetricsCodec;

/**
 * Trailing windows of a subject or group assembled from time slices: every response is counted
 * once, in the one-minute slice of its subject or group ({@value AlertingTopology#SLICE_STORE},
 * the topology's windowed aggregation). Each changed slice also refreshes its quarter hour, the
 * merge of its fifteen slices ({@value AlertingTopology#COARSE_BUCKET_STORE}). A window ends with
 * the minute of "now"; its whole quarter hours are read from the quarter-hour buckets and the
 * minutes at either edge from the slices, so a 24-hour window merges at most 96 + 2 x 14 buckets
 * instead of 1,440, with the same figures ({@link WindowMetrics#merge} is exact). The merged
 * quarter hours are remembered ({@link SettledQuarterHours}): they are all before the current one
 * and rarely change.
 */
final class BucketedWindows {
    static final Duration FINE = Duration.ofMinutes(1);
    static final Duration COARSE = Duration.ofMinutes(15);

    private final WindowStore<String, ValueAndTimestamp<WindowMetrics>> slices;
    private final WindowStore<String, byte[]> quarterHours;
    private final SettledQuarterHours settled = new SettledQuarterHours();

    BucketedWindows(WindowStore<String, ValueAndTimestamp<WindowMetrics>> slices,
                    WindowStore<String, byte[]> quarterHours) {
        this.slices = slices;
        this.quarterHours = quarterHours;
    }

    /** The slice starting at {@code sliceStart} changed: its quarter hour is merged again from its slices. */
    void sliceChanged(ScopeKey key, long sliceStart) {
        long quarter = floor(sliceStart, COARSE);
        WindowMetrics merged = mergeSlices(key, quarter, quarter + COARSE.toMillis(), WindowMetrics.empty());
        quarterHours.put(key.toString(), WindowMetricsCodec.encode(merged), quarter);
        settled.forget(key.toString(), quarter);
    }

    /** The figures of the trailing window of {@code size} ending with the minute of {@code now}. */
    WindowFigures figures(ScopeKey key, Duration size, Instant now) {
        long end = floor(now.toEpochMilli(), FINE) + FINE.toMillis();
        long start = end - size.toMillis();
        long coarseFrom = ceil(start, COARSE);
        long coarseTo = floor(end, COARSE);
        WindowMetrics merged;
        if (coarseFrom >= coarseTo) {
            merged = mergeSlices(key, start, end, WindowMetrics.empty());
        } else {
            merged = mergeSlices(key, start, coarseFrom, WindowMetrics.empty());
            merged = merged.merge(wholeQuarterHours(key, coarseFrom, coarseTo));
            merged = mergeSlices(key, coarseTo, end, merged);
        }
        return merged.figures(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end));
    }

    private WindowMetrics wholeQuarterHours(ScopeKey key, long from, long to) {
        WindowMetrics merged = settled.get(key.toString(), from, to);
        if (merged == null) {
            merged = WindowMetrics.empty();
            try (WindowStoreIterator<byte[]> buckets = quarterHours.fetch(key.toString(), from, to - 1)) {
                while (buckets.hasNext()) {
                    merged = merged.merge(WindowMetricsCodec.decode(buckets.next().value));
                }
            }
            settled.put(key.toString(), from, to, merged);
        }
        return merged;
    }

    /** Merges the slices starting in {@code [from, to)} into {@code merged}. */
    private WindowMetrics mergeSlices(ScopeKey key, long from, long to, WindowMetrics merged) {
        if (from >= to) {
            return merged;
        }
        WindowMetrics result = merged;
        try (WindowStoreIterator<ValueAndTimestamp<WindowMetrics>> found = slices.fetch(key.toString(), from, to - 1)) {
            while (found.hasNext()) {
                ValueAndTimestamp<WindowMetrics> slice = found.next().value;
                if (slice != null && slice.value() != null) {
                    result = result.merge(slice.value());
                }
            }
        }
        return result;
    }

    static long floor(long epochMillis, Duration bucket) {
        return Math.floorDiv(epochMillis, bucket.toMillis()) * bucket.toMillis();
    }

    private static long ceil(long epochMillis, Duration bucket) {
        return -Math.floorDiv(-epochMillis, bucket.toMillis()) * bucket.toMillis();
    }
}
