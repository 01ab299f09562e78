package org.instantfeedback.ingest.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.ReplyStatus;
import org.instantfeedback.ingest.config.PublishSettings;

/**
 * Writes {@code ReplyStatus} records learned from the provider's status callbacks to
 * {@value Topics#REPLY_STATUS}, keyed by contactId and stamped with the time learned, and returns once
 * Kafka has them.
 */
public final class ReplyStatusPublisher implements AutoCloseable {
    private final AcknowledgedProducer<ReplyStatus> producer;

    ReplyStatusPublisher(AcknowledgedProducer<ReplyStatus> producer) {
        this.producer = producer;
    }

    public static ReplyStatusPublisher create(PublishSettings config, MeterRegistry metrics) {
        return new ReplyStatusPublisher(AcknowledgedProducer.of(
                IngestProducers.create(config, IngestProducers.<ReplyStatus>avroValues(config), "reply-status",
                        metrics), config.publishTimeout()));
    }

    /**
     * @throws PublishUnavailableException when Kafka or the registry cannot be reached in time
     * @throws PublishFailedException      when they refuse the record for good
     */
    public void publish(ReplyStatus status) {
        producer.send(new ProducerRecord<>(Topics.REPLY_STATUS, null, status.getAt().toEpochMilli(),
                status.getContactId(), status), "the reply status");
    }

    @Override
    public void close() {
        producer.close();
    }
}
