package org.instantfeedback.alerting.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.instantfeedback.alerting.AlertWindow;

/**
 * The figures of one subject (or group) in one window, as alert checks and dashboards read them.
 * Rates are derived from {@link #counts()} ({@code counts().csatPercent()}, {@code counts().nps()},
 * {@code counts().negativeSharePercent()}, ...), unrounded, so thresholds compare exact values.
 *
 * @param windowStart    start of the window, inclusive
 * @param windowEnd      end of the window, exclusive
 * @param counts         the plain counts
 * @param distinctSenders distinct people who responded
 * @param complainants   distinct people who complained
 * @param sendersExact   false when the two sender counts are estimates (beyond {@value DistinctSenders#EXACT_CAP})
 * @param topTopics      the most mentioned topics, most first
 * @param examples       up to three newest complaint texts, newest first
 * @param exampleEventIds the event ids of {@code examples}, in the same order
 * @param latestEventAt  event time of the newest response counted; null when the window is empty
 */
public record WindowFigures(Instant windowStart, Instant windowEnd, ResponseCounts counts, long distinctSenders,
                            long complainants, boolean sendersExact, List<TopicCount> topTopics,
                            List<String> examples, List<String> exampleEventIds, Instant latestEventAt) {
    public WindowFigures {
        Objects.requireNonNull(counts, "counts");
        topTopics = List.copyOf(topTopics);
        examples = List.copyOf(examples);
        exampleEventIds = List.copyOf(exampleEventIds);
        if (exampleEventIds.size() != examples.size()) {
            throw new IllegalArgumentException(exampleEventIds.size() + " event ids for " + examples.size()
                    + " examples");
        }
        window(windowStart, windowEnd);
    }

    /** The figures of a window in which nothing was counted. */
    public static WindowFigures empty(Instant windowStart, Instant windowEnd) {
        return WindowMetrics.empty().figures(windowStart, windowEnd);
    }

    public AlertWindow window() {
        return window(windowStart, windowEnd);
    }

    public Duration size() {
        return Duration.between(windowStart, windowEnd);
    }

    private static AlertWindow window(Instant start, Instant end) {
        return new AlertWindow(start, end);
    }
}
