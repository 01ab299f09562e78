package org.instantfeedback.streams.query;

import org.instantfeedback.events.FeedbackMetrics;

/** The figures of one window with the subject or group they are for: one entry of a store. */
public record ScopedFigures(String scope, String subject, Figures figures) {
    public static ScopedFigures of(FeedbackMetrics metrics) {
        return new ScopedFigures(metrics.getScope().name(), metrics.getSubject(), Figures.of(metrics));
    }
}
