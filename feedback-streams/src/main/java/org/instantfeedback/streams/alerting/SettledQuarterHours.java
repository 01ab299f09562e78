package org.instantfeedback.streams.alerting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.instantfeedback.alerting.metrics.WindowMetrics;
import org.instantfeedback.streams.state.RecentlyUsed;

/**
 * The merged whole quarter hours of recent trailing windows, per subject or group. They lie before
 * the current quarter hour, so they change only when a late response lands in one of them
 * ({@link #forget}); without this, every response re-read and re-merged up to 96 quarter-hour
 * buckets per 24-hour window (an eighth of the stream threads' time, by JFR profile).
 *
 * <p>Only a shortcut over the window store, which stays the truth: it lives as long as the
 * processor's {@code init}, so a task restored or revived after an aborted transaction starts
 * empty. It holds the most recently used {@value #SUBJECTS} subjects and groups per task.
 */
final class SettledQuarterHours {
    static final int SUBJECTS = 2_048;
    /** Ranges kept per subject: one per window length in use, and a spare while a range moves on. */
    private static final int RANGES = 4;

    private record Merged(long from, long to, WindowMetrics metrics) {
    }

    private final Map<String, List<Merged>> bySubject = RecentlyUsed.map(SUBJECTS);

    /** The merged buckets of {@code [from, to)}, or null when not remembered. */
    WindowMetrics get(String key, long from, long to) {
        List<Merged> ranges = bySubject.get(key);
        if (ranges != null) {
            for (Merged merged : ranges) {
                if (merged.from == from && merged.to == to) {
                    return merged.metrics;
                }
            }
        }
        return null;
    }

    void put(String key, long from, long to, WindowMetrics metrics) {
        List<Merged> ranges = bySubject.computeIfAbsent(key, k -> new ArrayList<>(RANGES));
        // A window moving on replaces its previous range, which has the same length.
        ranges.removeIf(merged -> merged.to - merged.from == to - from);
        if (ranges.size() == RANGES) {
            ranges.remove(0);
        }
        ranges.add(new Merged(from, to, metrics));
    }

    /** A response was counted in the quarter-hour bucket starting at {@code bucketStart}. */
    void forget(String key, long bucketStart) {
        List<Merged> ranges = bySubject.get(key);
        if (ranges != null) {
            ranges.removeIf(merged -> merged.from <= bucketStart && bucketStart < merged.to);
        }
    }
}
