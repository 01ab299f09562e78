package org.instantfeedback.ingest.kafka;

import java.time.Duration;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A producer whose every send returns only once Kafka has acknowledged the record on all in-sync
 * replicas, or fails within the publish timeout: what the small publishers of feedback-ingest
 * ({@link ConversationActionPublisher}, {@link ReplyStatusPublisher}) share.
 */
final class AcknowledgedProducer<V> implements AutoCloseable {
    private final Producer<String, V> producer;
    private final AutoCloseable producerMetrics;
    private final Duration timeout;

    AcknowledgedProducer(Producer<String, V> producer, AutoCloseable producerMetrics, Duration timeout) {
        this.producer = producer;
        this.producerMetrics = producerMetrics;
        this.timeout = timeout;
    }

    static <V> AcknowledgedProducer<V> of(IngestProducers.Created<V> created, Duration timeout) {
        return new AcknowledgedProducer<>(created.producer(), created.metrics(), timeout);
    }

    /**
     * Sends the record and waits for Kafka's acknowledgement.
     *
     * @param what what is sent, for the failure's message
     * @throws PublishUnavailableException when Kafka or the registry cannot be reached in time
     * @throws PublishFailedException      when they refuse the record for good
     */
    RecordMetadata send(ProducerRecord<String, V> record, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Future<RecordMetadata> acknowledgement;
        try {
            acknowledgement = producer.send(record);
        } catch (RuntimeException e) {
            throw IngestProducers.classified(e);
        }
        return IngestProducers.await(acknowledgement, deadline, timeout, what);
    }

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
