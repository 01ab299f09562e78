package org.instantfeedback.streams.time;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.instantfeedback.events.FeedbackReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places feedback in time by when the customer had the experience ({@code occurredAt}), not by
 * when it reached Kafka, so SMS that arrive late still land in the right windows.
 *
 * <p>{@code occurredAt} is not trusted when it is negative or lies after the feedback was received
 * (beyond {@link #ALLOWED_CLOCK_SKEW}): one sender's wrong clock would otherwise push stream time
 * into the future and make every later record look too late to count. Then, and for values that
 * are not feedback, the record's own timestamp is used.
 */
public final class OccurredAtTimestampExtractor implements TimestampExtractor {
    /** How far {@code occurredAt} may lie after {@code receivedAt}, for clocks slightly ahead. */
    public static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(OccurredAtTimestampExtractor.class);

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof FeedbackReceived feedback) {
            Instant occurredAt = feedback.getOccurredAt();
            if (isPlausible(occurredAt, feedback.getReceivedAt())) {
                return occurredAt.toEpochMilli();
            }
            log.debug("Feedback {} on {}-{}@{} has an implausible occurredAt {} (received {}); using the record"
                            + " timestamp", feedback.getEventId(), record.topic(), record.partition(), record.offset(),
                    occurredAt, feedback.getReceivedAt());
        }
        return record.timestamp();
    }

    static boolean isPlausible(Instant occurredAt, Instant receivedAt) {
        if (occurredAt == null || occurredAt.toEpochMilli() < 0) {
            return false;
        }
        return receivedAt == null || !occurredAt.isAfter(receivedAt.plus(ALLOWED_CLOCK_SKEW));
    }
}
