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
 * Turns feedback into one-rating tallies for the CSAT windows. Ratings count on their 5-point
 * equivalent ({@link RatingNormalisation}: stars as given, smileys and thumbs mapped onto them);
 * NPS ratings and text-only feedback are left to other aggregates. Each tally carries the
 * record's event time, which is what the windows are placed by.
 *
 * <p>It also notices feedback that arrives after the grace period: Kafka Streams drops it from the
 * closed windows and counts it in its {@code dropped-records} metric; here it is logged at debug,
 * with the subject, so an operator can see whose feedback came too late. Stream time is tracked
 * the way the window aggregation tracks it (the highest event time this task has passed on), so
 * both agree on which windows are closed.
 */
public final class CsatRatings extends ContextualFixedKeyProcessor<String, FeedbackReceived, CsatTally> {
    private static final Logger log = LoggerFactory.getLogger(CsatRatings.class);

    private final CsatWindowSpec windows;
    private long observedStreamTime = Long.MIN_VALUE;

    public CsatRatings(CsatWindowSpec windows) {
        this.windows = windows;
    }

    /** The 5-point equivalent of this feedback's rating, if it counts towards CSAT. */
    public static OptionalInt fivePointRating(FeedbackReceived feedback) {
        Rating rating = feedback.getRating();
        if (rating == null) {
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
        int closed = windows.closedWindowsFor(record.timestamp(), observedStreamTime);
        if (closed > 0) {
            log.debug("Feedback {} for subject {} at {} came after the grace period of {} of its windows (stream time {});"
                            + " those windows leave it out",
                    record.value().getEventId(), record.key(), Instant.ofEpochMilli(record.timestamp()), closed,
                    Instant.ofEpochMilli(observedStreamTime));
        }
    }
}
