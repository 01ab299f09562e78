package org.instantfeedback.benchmarks.flink;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.events.FeedbackSentiment;
import org.instantfeedback.events.FeedbackTopic;
import org.instantfeedback.events.RatedText;
import org.instantfeedback.events.RatedTextLabel;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;
import org.instantfeedback.measures.RatingNormalisation;
import org.instantfeedback.scoring.SentimentLabel;
import org.instantfeedback.scoring.TextScore;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.scoring.Topic;
import org.instantfeedback.scoring.training.RatingLabels;

/**
 * The records scoring gives, field for field as feedback-streams builds them: {@code FeedbackScored}
 * (its {@code ScoreFeedback.score}) and the {@code RatedText} example of a rated text (its
 * {@code RatedTexts.of}). Those are Kafka Streams classes, which this module cannot load (feedback-streams
 * brings kafka-streams and its own kafka-clients), so the mapping is repeated here; the reading
 * itself is our {@link TextScorer}'s.
 */
final class ScoredRecords {
    private static final Map<Topic, FeedbackTopic> TOPICS = topicSymbols();

    private ScoredRecords() {
    }

    static FeedbackScored score(TextScorer scorer, FeedbackReceived feedback, Instant scoredAt) {
        FeedbackScored.Builder scored = FeedbackScored.newBuilder().setFeedback(feedback).setScoredAt(scoredAt);
        String text = feedback.getText();
        if (text == null || text.isBlank()) {
            return scored.setSentiment(null).setSentimentLabel(FeedbackSentiment.NONE).setTopics(List.of())
                    .setUrgent(false).setLanguage(null).setModelVersion(null).setLabelProbability(null)
                    .setSentimentTerms(List.of()).build();
        }
        TextScore score = scorer.score(text);
        FeedbackSentiment label = sentiment(score.label());
        return scored.setSentiment(label == FeedbackSentiment.UNKNOWN ? null : score.sentiment())
                .setSentimentLabel(label)
                .setTopics(score.topics().stream().map(topic -> TOPICS.getOrDefault(topic, FeedbackTopic.UNKNOWN))
                        .distinct().toList())
                .setUrgent(score.urgent())
                .setLanguage(score.language())
                .setModelVersion(score.modelVersion())
                .setLabelProbability(score.probabilities() == null ? null
                        : Math.round(score.probabilities().of(score.label()) * 10_000.0) / 10_000.0)
                .setSentimentTerms(score.terms().stream()
                        .map(term -> String.format(Locale.ROOT, "%s %+.1f", term.term(), term.weight())).toList())
                .build();
    }

    /** The labelled example a scored feedback gives, if it has a text and a rating that says something. */
    static Optional<RatedText> ratedText(FeedbackScored scored) {
        FeedbackReceived feedback = scored.getFeedback();
        String text = feedback.getText();
        Rating rating = feedback.getRating();
        if (text == null || text.isBlank() || rating == null) {
            return Optional.empty();
        }
        return label(rating).map(label -> RatedText.newBuilder()
                .setEventId(feedback.getEventId())
                .setSubject(feedback.getSubject())
                .setText(text)
                .setLabel(label)
                .setRating(rating)
                .setLanguage(scored.getLanguage())
                .setOccurredAt(feedback.getOccurredAt())
                .build());
    }

    private static Optional<RatedTextLabel> label(Rating rating) {
        if (rating.getScale() == RatingScale.NPS_0_10) {
            return RatingNormalisation.npsCategory(rating.getScale().name(), rating.getValue())
                    .map(category -> RatedTextLabel.valueOf(RatingLabels.ofRecommendation(rating.getValue()).name()));
        }
        return RatingNormalisation.fivePointEquivalent(rating.getScale().name(), rating.getValue())
                .map(stars -> RatedTextLabel.valueOf(RatingLabels.ofFivePoint(stars).name()));
    }

    private static FeedbackSentiment sentiment(SentimentLabel label) {
        return switch (label) {
            case NEGATIVE -> FeedbackSentiment.NEGATIVE;
            case NEUTRAL -> FeedbackSentiment.NEUTRAL;
            case POSITIVE -> FeedbackSentiment.POSITIVE;
            default -> FeedbackSentiment.UNKNOWN;
        };
    }

    private static Map<Topic, FeedbackTopic> topicSymbols() {
        Map<Topic, FeedbackTopic> symbols = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            for (FeedbackTopic symbol : FeedbackTopic.values()) {
                if (symbol.name().equals(topic.name())) {
                    symbols.put(topic, symbol);
                }
            }
        }
        return symbols;
    }
}
