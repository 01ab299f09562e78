package org.instantfeedback.streams.feedback;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.instantfeedback.events.FeedbackReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes each piece of feedback on once: a copy whose {@code eventId} was already seen within the
 * horizon (a provider's retry, a client's retry after a 503) is dropped, so no aggregate counts it
 * twice.
 *
 * <p>Time here is {@code receivedAt}, when ingest accepted each copy: a retry is a new delivery of
 * the same event, so its distance from the first copy is a matter of delivery time, while
 * {@code occurredAt} (the event time the windows use) may lie days back for a late SMS and would
 * let old events slip past an expired store. {@code receivedAt} is set by our own servers and
 * travels in the record, so replaying the topic deduplicates exactly as the first run did. A copy
 * counts as a duplicate when the first copy was received less than the horizon before or after it;
 * a copy received a horizon or more after the first is taken for new feedback.
 *
 * <p>The store is a window store of eventId -> Kafka offset of the first copy, timestamped with
 * that copy's {@code receivedAt}, retained for the horizon: Kafka Streams drops whole segments
 * once they are older than the horizon, so disk and changelog hold about one horizon of event ids
 * (at most one and a half, by the segment size). Under exactly-once the store's changelog writes
 * and the forwarded record commit in the same transaction: a crash can neither forget a passed
 * event nor drop one that was never passed on.
 *
 * <p>Records are keyed by subject and every copy of an event has the same subject, so all copies
 * reach the same partition and this task: no repartitioning. That holds as long as the partition
 * count of feedback.received.v1 does not change; copies straddling such a change can pass twice.
 *
 * <p>Dropped copies are counted in the {@value #DUPLICATES_DROPPED}-total and -rate metrics
 * (group {@code stream-}{@value #METRICS_SCOPE}{@code -metrics}, tagged with the task) and logged
 * at debug.
 */
public final class DeduplicateFeedback extends ContextualFixedKeyProcessor<String, FeedbackReceived, FeedbackReceived> {
    static final String METRICS_SCOPE = "feedback-dedupe";
    static final String DUPLICATES_DROPPED = "duplicates-dropped";

    private static final Logger log = LoggerFactory.getLogger(DeduplicateFeedback.class);

    private final String storeName;
    private final long horizonMs;
    private WindowStore<String, Long> firstCopies;
    private Sensor duplicatesDropped;

    public DeduplicateFeedback(String storeName, Duration horizon) {
        this.storeName = storeName;
        this.horizonMs = horizon.toMillis();
    }

    /** The store this processor needs, persistent and logged: eventId -> offset of the first copy. */
    public static StoreBuilder<WindowStore<String, Long>> storeBuilder(String storeName, Duration horizon) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(storeName, horizon, horizon, false),
                Serdes.String(), Serdes.Long());
    }

    @Override
    public void init(FixedKeyProcessorContext<String, FeedbackReceived> context) {
        super.init(context);
        firstCopies = context.getStateStore(storeName);
        duplicatesDropped = context.metrics().addRateTotalSensor(
                METRICS_SCOPE, context.taskId().toString(), DUPLICATES_DROPPED, Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(FixedKeyRecord<String, FeedbackReceived> record) {
        FeedbackReceived feedback = record.value();
        if (feedback == null) {
            log.debug("Dropped a record without a value for subject {}: nothing to count or score", record.key());
            return;
        }
        long receivedAt = Math.max(0, feedback.getReceivedAt().toEpochMilli());
        KeyValue<Long, Long> firstCopy = firstCopy(feedback.getEventId(), receivedAt);
        if (firstCopy != null) {
            duplicatesDropped.record();
            log.debug("Dropped a copy of feedback {} for subject {} received at {}: the first copy was received at {}"
                            + " (offset {})", feedback.getEventId(), record.key(), feedback.getReceivedAt(),
                    Instant.ofEpochMilli(firstCopy.key), firstCopy.value);
            return;
        }
        firstCopies.put(feedback.getEventId(), offset(), receivedAt);
        context().forward(record);
    }

    @Override
    public void close() {
        if (duplicatesDropped != null) {
            context().metrics().removeSensor(duplicatesDropped);
        }
    }

    /**
     * The copy of the event received less than the horizon before or after {@code receivedAt}, or
     * null. Strictly less, as the store forgets an entry once stream time is a horizon past it.
     */
    private KeyValue<Long, Long> firstCopy(String eventId, long receivedAt) {
        long from = Math.max(0, receivedAt - horizonMs + 1);
        long to = receivedAt > Long.MAX_VALUE - horizonMs ? Long.MAX_VALUE : receivedAt + horizonMs - 1;
        try (WindowStoreIterator<Long> copies = firstCopies.fetch(eventId, from, to)) {
            return copies.hasNext() ? copies.next() : null;
        }
    }

    private long offset() {
        return context().recordMetadata().map(RecordMetadata::offset).orElse(-1L);
    }
}
