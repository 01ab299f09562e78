package org.instantfeedback.benchmarks.flink;

import java.time.Instant;
import java.util.Locale;
import java.util.OptionalDouble;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.Scope;
import org.instantfeedback.alerting.metrics.ResponseCounts;
import org.instantfeedback.alerting.metrics.WindowFigures;
import org.instantfeedback.events.FeedbackMetrics;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.events.FeedbackSentiment;
import org.instantfeedback.events.SubjectScope;
import org.instantfeedback.events.TopicMention;

/**
 * What the alerting core reads and what its figures are published as, field for field as
 * feedback-streams builds them (its {@code Observations.of} and {@code AlertRecords.metrics}),
 * which this module cannot load (they live among Kafka Streams processors). The figures themselves
 * are the alerting module's.
 */
final class AlertingRecords {
    private AlertingRecords() {
    }

    /** @throws IllegalArgumentException for feedback the core cannot take (no event id or subject) */
    static FeedbackObservation observation(FeedbackScored scored) {
        FeedbackReceived feedback = scored.getFeedback();
        return new FeedbackObservation(feedback.getEventId(), feedback.getSubject(), feedback.getOccurredAt(),
                feedback.getRating() == null ? null : feedback.getRating().getValue(),
                feedback.getRating() == null ? null : feedback.getRating().getScale().name(),
                sentiment(scored.getSentimentLabel()), scored.getUrgent(),
                scored.getTopics().stream().map(topic -> topic.name().toLowerCase(Locale.ROOT)).toList(),
                feedback.getSenderPseudonym(), feedback.getText(), reading(scored));
    }

    /** The figures of one trailing window of a subject or group, rounded as dashboards show them. */
    static FeedbackMetrics metrics(Scope scope, String id, WindowFigures figures, Instant updatedAt) {
        ResponseCounts c = figures.counts();
        return FeedbackMetrics.newBuilder()
                .setScope(SubjectScope.valueOf(scope.name()))
                .setSubject(id)
                .setWindowSizeMillis(figures.size().toMillis())
                .setWindowStart(figures.windowStart())
                .setWindowEnd(figures.windowEnd())
                .setResponses(c.responses())
                .setRatedResponses(c.ratedResponses())
                .setCsatPercent(round(c.csatPercent(), 10))
                .setAverageRating(round(c.averageRating(), 100))
                .setNps(round(c.nps(), 10))
                .setScoredTexts(c.scoredTexts())
                .setNegativeSharePercent(round(c.negativeSharePercent(), 10))
                .setUrgentReports(c.urgentReports())
                .setComplaints(c.complaints())
                .setDistinctSenders(figures.distinctSenders())
                .setComplainants(figures.complainants())
                .setSendersApproximate(!figures.sendersExact())
                .setTopTopics(figures.topTopics().stream()
                        .map(topic -> new TopicMention(topic.topic(), topic.count())).toList())
                .setUpdatedAt(figures.latestEventAt() == null ? updatedAt : figures.latestEventAt())
                .build();
    }

    /** "negative 94%: rude -2.0, late again -2.2"; null for a text that was not read. */
    private static String reading(FeedbackScored scored) {
        FeedbackSentiment label = scored.getSentimentLabel();
        if (label == null || label == FeedbackSentiment.NONE || label == FeedbackSentiment.UNKNOWN) {
            return null;
        }
        StringBuilder reading = new StringBuilder(label.name().toLowerCase(Locale.ROOT));
        if (scored.getLabelProbability() != null) {
            reading.append(' ').append(Math.round(scored.getLabelProbability() * 100)).append('%');
        }
        if (!scored.getSentimentTerms().isEmpty()) {
            reading.append(": ").append(String.join(", ", scored.getSentimentTerms()));
        }
        return reading.toString();
    }

    private static String sentiment(FeedbackSentiment label) {
        return label == null || label == FeedbackSentiment.NONE ? null : label.name().toLowerCase(Locale.ROOT);
    }

    private static Double round(OptionalDouble value, int scale) {
        return value.isPresent() ? Math.round(value.getAsDouble() * scale) / (double) scale : null;
    }
}
