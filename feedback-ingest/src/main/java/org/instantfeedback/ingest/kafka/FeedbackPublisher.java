package org.instantfeedback.ingest.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.ingest.config.PublishSettings;

/**
 * Writes {@code FeedbackReceived} events to {@value Topics#FEEDBACK_RECEIVED}, keyed by subject and
 * stamped with the time the feedback occurred, and returns only once Kafka has acknowledged the
 * event on all in-sync replicas, or fails within the publish timeout. Callers can therefore
 * promise a sender that acknowledged feedback is stored.
 */
public final class FeedbackPublisher implements AutoCloseable {
    private final Producer<String, FeedbackReceived> producer;
    private final AutoCloseable producerMetrics;
    private final Duration timeout;

    FeedbackPublisher(Producer<String, FeedbackReceived> producer, AutoCloseable producerMetrics, Duration timeout) {
        this.producer = producer;
        this.producerMetrics = producerMetrics;
        this.timeout = timeout;
    }

    /** Creates the producer and its Avro serializer, and reports the producer's metrics to {@code metrics}. */
    public static FeedbackPublisher create(PublishSettings config, MeterRegistry metrics) {
        IngestProducers.Created<FeedbackReceived> created = IngestProducers.create(config,
                IngestProducers.<FeedbackReceived>avroValues(config), null, metrics);
        return new FeedbackPublisher(created.producer(), created.metrics(), config.publishTimeout());
    }

    /**
     * Sends the event and waits for Kafka's acknowledgement.
     *
     * @throws PublishUnavailableException when Kafka or the registry cannot be reached in time
     * @throws PublishFailedException      when they refuse the event for good
     */
    public RecordMetadata publish(FeedbackReceived event) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Future<RecordMetadata> acknowledgement;
        try {
            acknowledgement = producer.send(record(event));
        } catch (RuntimeException e) {
            throw IngestProducers.classified(e);
        }
        return await(acknowledgement, deadline);
    }

    /**
     * Sends every event, then waits for all acknowledgements within one publish timeout. The
     * answer has one entry per event, in order: empty when Kafka has the event, else why not
     * ({@link PublishUnavailableException} or {@link PublishFailedException}). Once a send fails
     * because Kafka cannot be reached, the rest are not tried (each would wait as long again).
     */
    public List<Optional<RuntimeException>> publishAll(List<FeedbackReceived> events) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(events.size());
        List<Optional<RuntimeException>> failures = new ArrayList<>(events.size());
        RuntimeException unreachable = null;
        for (FeedbackReceived event : events) {
            Future<RecordMetadata> acknowledgement = null;
            RuntimeException failure = unreachable;
            if (failure == null) {
                try {
                    acknowledgement = producer.send(record(event));
                } catch (RuntimeException e) {
                    failure = IngestProducers.classified(e);
                    unreachable = failure instanceof PublishUnavailableException ? failure : null;
                }
            }
            acknowledgements.add(acknowledgement);
            failures.add(Optional.ofNullable(failure));
        }
        for (int i = 0; i < events.size(); i++) {
            if (acknowledgements.get(i) != null) {
                try {
                    await(acknowledgements.get(i), deadline);
                } catch (PublishUnavailableException | PublishFailedException e) {
                    failures.set(i, Optional.of(e));
                }
            }
        }
        return failures;
    }

    private static ProducerRecord<String, FeedbackReceived> record(FeedbackReceived event) {
        return new ProducerRecord<>(Topics.FEEDBACK_RECEIVED, null, event.getOccurredAt().toEpochMilli(),
                event.getSubject(), event);
    }

    private RecordMetadata await(Future<RecordMetadata> acknowledgement, long deadline) {
        return IngestProducers.await(acknowledgement, deadline, timeout, "the feedback");
    }

    /** The longest {@link #publish} waits. */
    public Duration timeout() {
        return timeout;
    }

    /** Sends what is still buffered (bounded by the publish timeout), then releases the producer. */
    @Override
    public void close() {
        try {
            producerMetrics.close();
        } catch (Exception e) {
            // Metrics are best effort; the producer below must still be closed.
        }
        producer.close(timeout);
    }
}
