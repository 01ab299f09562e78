package org.instantfeedback.streams.csat;

import java.time.Instant;
import java.util.OptionalInt;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.measures.RatingNormalisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns feedback into one-rating tallies for the CSAT slices (and the deprecated hopping windows).
 * Ratings count on their 5-point equivalent ({@link RatingNormalisation}: stars as given, smileys
 * and thumbs mapped onto them); NPS ratings and text-only feedback are left to other aggregates.
 * Each tally carries the record's event time, which is what the slices and windows are placed by.
 *
 * <p>It also notices feedback that arrives after the grace period. A rating too late for every
 * hopping window containing it is dropped by Kafka Streams, which counts it in its
 * {@code dropped-records} metric; here it is logged at debug, with the subject, so an operator can
 * see whose feedback came too late. While feedback.csat.v1 is written, a rating too late for only
 * some of its hopping windows is logged too: v1 leaves it out of those, the slices (feedback.csat.v2,
 * the query API) count it in all of them. Stream time is tracked the way the aggregations track it
 * (the highest event time this task has passed on), so all agree on which windows are closed.
 */
public final class CsatRatings extends ContextualFixedKeyProcessor<String, FeedbackReceived, CsatTally> {
    private static final Logger log = LoggerFactory.getLogger(CsatRatings.class);

    private final CsatWindowSpec windows;
    private final boolean v1Enabled;
    private long observedStreamTime = Long.MIN_VALUE;

    public CsatRatings(CsatWindowSpec windows, boolean v1Enabled) {
        this.windows = windows;
        this.v1Enabled = v1Enabled;
    }
    /**
     * The 5-point equivalent of this feedback's rating, if it counts towards CSAT. A passenger's
     * answer to the follow-up question rates how ops handled them, not the journey: it does not.
     */
    public static OptionalInt fivePointRating(FeedbackReceived feedback) {
        Rating rating = feedback.getRating();
        if (rating == null || feedback.getAnswersFollowUp()) {
            return OptionalInt.empty();
        }
        return RatingNormalisation.fivePointEquivalent(rating.getScale().name(), rating.getValue())
                .map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    @Override
    public void process(FixedKeyRecord<String, FeedbackReceived> record) {
        if (record.value() == null) {
            return;
        }
        OptionalInt stars = fivePointRating(record.value());
        if (stars.isEmpty()) {
            return;
        }
        observedStreamTime = Math.max(observedStreamTime, record.timestamp());
        logIfLate(record);
        context().forward(record.withValue(CsatTally.ofRating(stars.getAsInt(), record.timestamp())));
    }

    private void logIfLate(FixedKeyRecord<String, FeedbackReceived> record) {
        if (!log.isDebugEnabled()) {
            return;
        }
        if (windows.tooLateForEveryWindow(record.timestamp(), observedStreamTime)) {
            log.debug("Feedback {} for subject {} at {} came after the grace period of every window it belongs to"
                            + " (stream time {}); CSAT leaves it out",
                    record.value().getEventId(), record.key(), Instant.ofEpochMilli(record.timestamp()),
                    Instant.ofEpochMilli(observedStreamTime));
            return;
        }
        int closed = v1Enabled ? windows.closedWindowsFor(record.timestamp(), observedStreamTime) : 0;
        if (closed > 0) {
            log.debug("Feedback {} for subject {} at {} came after the grace period of {} of its windows (stream time {});"
                            + " feedback.csat.v1 leaves it out of those, the slices count it in all of them",
                    record.value().getEventId(), record.key(), Instant.ofEpochMilli(record.timestamp()), closed,
                    Instant.ofEpochMilli(observedStreamTime));
        }
    }
}
