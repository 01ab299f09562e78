package org.instantfeedback.streams.feedback;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.instantfeedback.config.Topics;
import org.instantfeedback.deadletter.DeadLetterHeaders;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.events.FeedbackSentiment;
import org.instantfeedback.events.FeedbackTopic;
import org.instantfeedback.scoring.SentimentLabel;
import org.instantfeedback.scoring.TextScore;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.scoring.Topic;
import org.instantfeedback.scoring.WeightedTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores the text of each piece of feedback (sentiment, topics, urgency, language) into a
 * {@link FeedbackScored}; feedback without text gets the no-text values (label NONE, no
 * sentiment, no topics, not urgent, no language). Texts are scored as they are: ingest has already
 * masked personal data in them.
 *
 * <p>The scorer should not fail; if it does for one text, that feedback comes out as a failed
 * {@link ScoringOutcome} carrying the reason in {@link DeadLetterHeaders}, bound for the
 * dead-letter topic, and the next record is scored as usual. The scorer is shared by every task:
 * it is immutable and thread-safe; which one is in use is asked for each record, so a newly
 * promoted text model reads the next text.
 */
public final class ScoreFeedback extends ContextualFixedKeyProcessor<String, FeedbackReceived, ScoringOutcome> {
    private static final Logger log = LoggerFactory.getLogger(ScoreFeedback.class);
    private static final Map<Topic, FeedbackTopic> TOPICS = Collections.unmodifiableMap(topicSymbols());

    private final Supplier<TextScorer> scorer;

    /** @param scorer the scorer in use now (it changes when another text model becomes active) */
    public ScoreFeedback(Supplier<TextScorer> scorer) {
        this.scorer = scorer;
    }

    @Override
    public void process(FixedKeyRecord<String, FeedbackReceived> record) {
        FeedbackReceived feedback = record.value();
        if (feedback == null) {
            return;
        }
        Instant scoredAt = Instant.ofEpochMilli(context().currentSystemTimeMs());
        FeedbackScored scored;
        try {
            scored = score(scorer.get(), feedback, scoredAt);
        } catch (RuntimeException e) {
            log.warn("Could not score feedback {} for subject {}; it goes to {}", feedback.getEventId(), record.key(),
                    Topics.DEAD_LETTER, e);
            context().forward(record.withValue(ScoringOutcome.failed(feedback))
                    .withHeaders(DeadLetterHeaders.describing(record.headers(), e, RecordOrigin.of(context()))));
            return;
        }
        context().forward(record.withValue(ScoringOutcome.scored(scored)));
    }

    /** The feedback with what its text says; the no-text values when it has none (or only blanks). */
    public static FeedbackScored score(TextScorer scorer, FeedbackReceived feedback, Instant scoredAt) {
        FeedbackScored.Builder scored = FeedbackScored.newBuilder().setFeedback(feedback).setScoredAt(scoredAt);
        String text = feedback.getText();
        if (text == null || text.isBlank()) {
            return scored.setSentiment(null)
                    .setSentimentLabel(FeedbackSentiment.NONE)
                    .setTopics(List.of())
                    .setUrgent(false)
                    .setLanguage(null)
                    .setModelVersion(null)
                    .setLabelProbability(null)
                    .setSentimentTerms(List.of())
                    .build();
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
                .setSentimentTerms(score.terms().stream().map(ScoreFeedback::term).toList())
                .build();
    }

    /** "rude -2.3": a term of the explanation as a line ops can read. */
    static String term(WeightedTerm term) {
        return String.format(Locale.ROOT, "%s %+.1f", term.term(), term.weight());
    }

    // A label this schema version has no symbol for reads as UNKNOWN, as the enum's reader default does.
    static FeedbackSentiment sentiment(SentimentLabel label) {
        return switch (label) {
            case NEGATIVE -> FeedbackSentiment.NEGATIVE;
            case NEUTRAL -> FeedbackSentiment.NEUTRAL;
            case POSITIVE -> FeedbackSentiment.POSITIVE;
            default -> FeedbackSentiment.UNKNOWN;
        };
    }

    /** Each topic of text-scoring and the schema symbol of the same name (id upper-cased). */
    static Map<Topic, FeedbackTopic> topicSymbols() {
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
