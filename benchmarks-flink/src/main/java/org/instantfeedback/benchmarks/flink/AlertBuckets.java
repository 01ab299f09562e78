package org.instantfeedback.benchmarks.flink;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.flink.api.common.state.MapState;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.metrics.WindowFigures;
import org.instantfeedback.alerting.metrics.WindowMetrics;
import org.instantfeedback.alerting.metrics.WindowMetricsCodec;

/**
 * The trailing windows of the current subject or group (Flink's current key), assembled from
 * buckets as feedback-streams' BucketedWindows assembles them: each response counted in its
 * one-minute and its quarter-hour bucket ({@link WindowMetrics}, stored with our
 * {@link WindowMetricsCodec}); a window ending with the minute of "now" reads its whole quarter
 * hours from the coarse buckets and the minutes at either edge from the fine ones. Flink's keyed
 * map state has no range read, so each bucket of a range is one point read.
 *
 * <p>The merged whole quarter hours of the windows are remembered per key, as feedback-streams'
 * SettledQuarterHours does: they lie before the current quarter hour and change only when a late
 * response lands in one. A shortcut over the state, which stays the truth; it starts empty after a
 * restore.
 */
final class AlertBuckets {
    static final Duration FINE = Duration.ofMinutes(1);
    static final Duration COARSE = Duration.ofMinutes(15);
    /** Keys whose merged quarter hours are kept, as in feedback-streams (per task there). */
    private static final int REMEMBERED_KEYS = 2_048;

    private record Merged(long from, long to, WindowMetrics metrics) {
    }

    private final MapState<Long, byte[]> fine;
    private final MapState<Long, byte[]> coarse;
    private final Map<String, Map<Long, Merged>> settled = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<Long, Merged>> eldest) {
            return size() > REMEMBERED_KEYS;
        }
    };

    AlertBuckets(MapState<Long, byte[]> fine, MapState<Long, byte[]> coarse) {
        this.fine = fine;
        this.coarse = coarse;
    }

    /** Counts the response; returns the start of its quarter-hour bucket when this response began it. */
    OptionalLong add(String key, FeedbackObservation observation) throws Exception {
        long at = observation.occurredAt().toEpochMilli();
        long quarterHour = floor(at, COARSE);
        add(fine, observation, floor(at, FINE));
        boolean began = add(coarse, observation, quarterHour);
        Map<Long, Merged> ranges = settled.get(key);
        if (ranges != null) {
            ranges.values().removeIf(merged -> merged.from <= quarterHour && quarterHour < merged.to);
        }
        return began ? OptionalLong.of(quarterHour) : OptionalLong.empty();
    }

    /** The figures of the trailing window of {@code size} ending with the minute of {@code now}. */
    WindowFigures figures(String key, Duration size, Instant now) throws Exception {
        long end = floor(now.toEpochMilli(), FINE) + FINE.toMillis();
        long start = end - size.toMillis();
        long coarseFrom = ceil(start, COARSE);
        long coarseTo = floor(end, COARSE);
        WindowMetrics merged;
        if (coarseFrom >= coarseTo) {
            merged = merge(fine, FINE, start, end, WindowMetrics.empty());
        } else {
            merged = merge(fine, FINE, start, coarseFrom, WindowMetrics.empty());
            merged = merged.merge(quarterHours(key, coarseFrom, coarseTo));
            merged = merge(fine, FINE, coarseTo, end, merged);
        }
        return merged.figures(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end));
    }

    /** Forgets the quarter hour starting at {@code quarterHour} and its minutes: it has left every window. */
    void drop(long quarterHour) throws Exception {
        coarse.remove(quarterHour);
        for (long minute = quarterHour; minute < quarterHour + COARSE.toMillis(); minute += FINE.toMillis()) {
            fine.remove(minute);
        }
    }

    private WindowMetrics quarterHours(String key, long from, long to) throws Exception {
        Map<Long, Merged> ranges = settled.computeIfAbsent(key, k -> new LinkedHashMap<>());
        // One range per window length; a window moving on replaces its previous range.
        Merged remembered = ranges.get(to - from);
        if (remembered != null && remembered.from == from) {
            return remembered.metrics;
        }
        WindowMetrics merged = merge(coarse, COARSE, from, to, WindowMetrics.empty());
        ranges.put(to - from, new Merged(from, to, merged));
        return merged;
    }

    /** Counts the response in its bucket; returns whether the bucket is new. */
    private static boolean add(MapState<Long, byte[]> buckets, FeedbackObservation observation, long bucketStart)
            throws Exception {
        byte[] stored = buckets.get(bucketStart);
        WindowMetrics bucket = stored == null ? WindowMetrics.empty() : WindowMetricsCodec.decode(stored);
        buckets.put(bucketStart, WindowMetricsCodec.encode(bucket.add(observation)));
        return stored == null;
    }

    /** Merges the buckets starting in {@code [from, to)}. */
    private static WindowMetrics merge(MapState<Long, byte[]> buckets, Duration bucket, long from, long to,
                                       WindowMetrics merged) throws Exception {
        WindowMetrics result = merged;
        for (long start = from; start < to; start += bucket.toMillis()) {
            byte[] stored = buckets.get(start);
            if (stored != null) {
                result = result.merge(WindowMetricsCodec.decode(stored));
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
