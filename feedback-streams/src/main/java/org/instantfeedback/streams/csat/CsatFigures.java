package org.instantfeedback.streams.csat;

import java.time.Instant;

/** The CSAT of one subject in one window, as the query API shows it. */
public record CsatFigures(
        String subject,
        Instant windowStart,
        Instant windowEnd,
        long ratedResponses,
        long satisfiedResponses,
        long ratingSum,
        double csatPercent,
        double averageRating,
        Instant updatedAt) {
}
