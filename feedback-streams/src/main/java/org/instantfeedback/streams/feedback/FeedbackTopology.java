package org.instantfeedback.streams.feedback;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.streams.time.OccurredAtTimestampExtractor;

/**
 * The first part of the application topology ({@link org.instantfeedback.streams.StreamsTopology}
 * puts the parts together): feedback from {@code feedback.received.v1}, placed in time by
 * {@code occurredAt}, deduplicated by {@code eventId} (store {@value #DEDUPE_STORE}), then scored
 * and written as {@code FeedbackScored} keyed by subject to {@code feedback.scored.v1} (a record
 * whose scoring fails goes to {@code feedback.deadletter.v1} instead, as it was on
 * feedback.received.v1, with the reason in headers). Aggregates of what texts say hang off
 * {@link #addScoring}'s stream.
 *
 * <p>Every processor, store and serde is named here, so the topology (and the names of its
 * changelog topics and metrics) stays the same across releases unless a name's version changes.
 */
public final class FeedbackTopology {
    public static final String FEEDBACK_SOURCE = "feedback.received.source.v1";
    public static final String DEDUPLICATE = "feedback.deduplicate.v1";
    /** Window store of eventId -> offset of the first copy, by its receivedAt; kept for the dedupe horizon. */
    public static final String DEDUPE_STORE = "feedback.dedupe.v1";
    public static final String SCORE = "feedback.score.v1";
    /** The split after scoring, and the prefix of its branches {@link #SCORED} and {@link #FAILED}. */
    public static final String SCORING_OUTCOMES = "feedback.scoring-outcome.v1-";
    public static final String SCORED = "scored";
    public static final String FAILED = "failed";
    private static final String TO_FEEDBACK_SCORED = "feedback.to-feedback-scored.v1";
    public static final String SCORED_SINK = "feedback.scored.sink.v1";
    private static final String TO_DEAD_LETTER = "feedback.scoring-failure.to-dead-letter.v1";
    public static final String DEAD_LETTER_SINK = "feedback.scoring-failure.sink.v1";

    private FeedbackTopology() {
    }

    /**
     * feedback.received.v1 with event time taken from {@code occurredAt}, each event once within
     * the horizon (see {@link DeduplicateFeedback}).
     */
    public static KStream<String, FeedbackReceived> deduplicatedFeedback(StreamsBuilder builder, Duration horizon,
                                                                         Serde<FeedbackReceived> feedbackSerde) {
        builder.addStateStore(DeduplicateFeedback.storeBuilder(DEDUPE_STORE, horizon));
        return builder.stream(Topics.FEEDBACK_RECEIVED,
                        Consumed.with(Serdes.String(), feedbackSerde)
                                .withTimestampExtractor(new OccurredAtTimestampExtractor())
                                .withName(FEEDBACK_SOURCE))
                .processValues(() -> new DeduplicateFeedback(DEDUPE_STORE, horizon), Named.as(DEDUPLICATE),
                        DEDUPE_STORE);
    }

    /** Scores every feedback and writes it to feedback.scored.v1; returns the scored stream. */
    public static KStream<String, FeedbackScored> addScoring(KStream<String, FeedbackReceived> feedback,
                                                             Supplier<TextScorer> scorer, EventSerdes serdes) {
        Map<String, KStream<String, ScoringOutcome>> outcomes = feedback
                .processValues(() -> new ScoreFeedback(scorer), Named.as(SCORE))
                .split(Named.as(SCORING_OUTCOMES))
                .branch((subject, outcome) -> outcome.succeeded(), Branched.as(SCORED))
                .defaultBranch(Branched.as(FAILED));
        KStream<String, FeedbackScored> scored = outcomes.get(SCORING_OUTCOMES + SCORED)
                .mapValues(ScoringOutcome::scored, Named.as(TO_FEEDBACK_SCORED));
        scored.to(Topics.FEEDBACK_SCORED, Produced.with(Serdes.String(), serdes.scored()).withName(SCORED_SINK));
        outcomes.get(SCORING_OUTCOMES + FAILED)
                .mapValues(ScoringOutcome::feedback, Named.as(TO_DEAD_LETTER))
                .to(Topics.DEAD_LETTER, Produced.with(Serdes.String(), asOnFeedbackReceived(serdes.feedback()))
                        .withName(DEAD_LETTER_SINK));
        return scored;
    }

    /**
     * Writes feedback as it was written on feedback.received.v1 (the schema id of that topic's
     * subject), like the raw records Kafka Streams puts on the dead-letter topic, so one reader
     * decodes every dead letter by its {@code __streams.errors.topic} header, and the dead-letter
     * topic's own subject is not tied to one event type.
     */
    private static Serde<FeedbackReceived> asOnFeedbackReceived(Serde<FeedbackReceived> feedbackSerde) {
        Serializer<FeedbackReceived> serializer =
                (topic, feedback) -> feedbackSerde.serializer().serialize(Topics.FEEDBACK_RECEIVED, feedback);
        Deserializer<FeedbackReceived> deserializer =
                (topic, bytes) -> feedbackSerde.deserializer().deserialize(Topics.FEEDBACK_RECEIVED, bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
