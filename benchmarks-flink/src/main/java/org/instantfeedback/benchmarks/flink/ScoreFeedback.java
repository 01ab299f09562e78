package org.instantfeedback.benchmarks.flink;

import java.time.Instant;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.instantfeedback.alerting.Scope;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatedText;
import org.instantfeedback.measures.RatingNormalisation;
import org.instantfeedback.scoring.TextScorer;

/**
 * The full job's step after the dedupe: each feedback's text read by our scorer
 * ({@link SharedTextScorer}) and written as {@code FeedbackScored} (Avro binary, keyed by subject)
 * to the scored topic, a rated text also as a {@code RatedText} example, as feedback-streams writes
 * feedback.scored.v1 and feedback.rated-texts.v1. Beside that it hands on
 * <ul>
 *   <li>{@link #RATINGS}: the CSAT ratings as (subject, occurredAt millis, 5-point rating), read
 *       before scoring, so a rating counts even when its text could not be scored (as in ours);</li>
 *   <li>{@link #OBSERVATIONS}: the scored feedback once for its subject and once for each of its
 *       groups, keyed {@code subject:<id>} / {@code group:<id>}, for {@link EvaluateAlerts}.</li>
 * </ul>
 * Feedback whose scoring fails goes to the dead-letter topic as it came, as in ours.
 */
final class ScoreFeedback extends ProcessFunction<ReceivedFeedback, Outbound> {
    private static final long serialVersionUID = 1L;

    static final OutputTag<Tuple3<String, Long, Integer>> RATINGS =
            new OutputTag<>("csat-ratings", Types.TUPLE(Types.STRING, Types.LONG, Types.INT));
    static final OutputTag<Tuple2<String, byte[]>> OBSERVATIONS =
            new OutputTag<>("scoped-observations", Types.TUPLE(Types.STRING, Types.PRIMITIVE_ARRAY(Types.BYTE)));

    private final OutputTopics topics;
    private final AvroBinary<FeedbackReceived> received = new AvroBinary<>(FeedbackReceived.class);
    private final AvroBinary<FeedbackScored> scoredAvro = new AvroBinary<>(FeedbackScored.class);
    private final AvroBinary<RatedText> ratedAvro = new AvroBinary<>(RatedText.class);
    private transient TextScorer scorer;
    private transient SubjectHierarchy hierarchy;

    ScoreFeedback(OutputTopics topics) {
        this.topics = topics;
    }

    @Override
    public void open(OpenContext context) {
        scorer = SharedTextScorer.get();
        // The benchmark runs feedback-streams without ALERT_HIERARCHY_FILE: subjects belong to no group.
        hierarchy = SubjectHierarchy.EMPTY;
    }

    @Override
    public void processElement(ReceivedFeedback in, Context context, Collector<Outbound> out) {
        FeedbackReceived feedback = received.decode(in.avro);
        String subject = feedback.getSubject();
        Rating rating = feedback.getRating();
        if (rating != null) {
            RatingNormalisation.fivePointEquivalent(rating.getScale().name(), rating.getValue())
                    .ifPresent(stars -> context.output(RATINGS, Tuple3.of(subject, in.occurredAt, stars)));
        }
        FeedbackScored scored;
        try {
            scored = ScoredRecords.score(scorer, feedback, Instant.ofEpochMilli(context.timerService()
                    .currentProcessingTime()));
        } catch (RuntimeException e) {
            out.collect(new Outbound(topics.deadLetter(), subject, in.avro));
            return;
        }
        byte[] value = scoredAvro.encode(scored);
        out.collect(new Outbound(topics.scored(), subject, value));
        Optional<RatedText> example = ScoredRecords.ratedText(scored);
        example.ifPresent(rated -> out.collect(new Outbound(topics.ratedTexts(), rated.getEventId(),
                ratedAvro.encode(rated))));
        context.output(OBSERVATIONS, Tuple2.of(Scope.SUBJECT.id() + ":" + subject, value));
        for (String group : hierarchy.groupsOf(subject)) {
            context.output(OBSERVATIONS, Tuple2.of(Scope.GROUP.id() + ":" + group, value));
        }
    }
}
