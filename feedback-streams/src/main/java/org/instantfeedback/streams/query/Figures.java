package org.instantfeedback.streams.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.instantfeedback.events.FeedbackMetrics;

/**
 * The figures of one subject or group over one trailing window, as the query API shows them.
 * Percentages have one decimal, the average rating two; a figure that could not be computed (no
 * ratings, no scored texts) is null.
 */
public record Figures(
        String window,
        Instant windowStart,
        Instant windowEnd,
        long responses,
        long ratedResponses,
        Double csatPercent,
        Double averageRating,
        Double nps,
        long scoredTexts,
        Double negativeSharePercent,
        long urgentCount,
        long complaints,
        long distinctSenders,
        long complainants,
        boolean sendersApproximate,
        List<TopicCount> topTopics,
        Instant updatedAt) {

    /** How often one topic was mentioned in the window. */
    public record TopicCount(String topic, long count) {
    }

    public static Figures of(FeedbackMetrics metrics) {
        return new Figures(Duration.ofMillis(metrics.getWindowSizeMillis()).toString(), metrics.getWindowStart(),
                metrics.getWindowEnd(), metrics.getResponses(), metrics.getRatedResponses(), metrics.getCsatPercent(),
                metrics.getAverageRating(), metrics.getNps(), metrics.getScoredTexts(),
                metrics.getNegativeSharePercent(), metrics.getUrgentReports(), metrics.getComplaints(),
                metrics.getDistinctSenders(), metrics.getComplainants(), metrics.getSendersApproximate(),
                metrics.getTopTopics().stream().map(t -> new TopicCount(t.getTopic(), t.getCount())).toList(),
                metrics.getUpdatedAt());
    }
}
