package org.instantfeedback.ingest.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.instantfeedback.actions.ConversationAction;
import org.instantfeedback.config.Topics;
import org.instantfeedback.ingest.config.PublishSettings;

/**
 * Writes what passengers ask for by SMS (opt-out, opt-in, erasure) to {@value Topics#CONVERSATION_ACTIONS},
 * keyed by the contact and stamped with the time asked, as {@link ConversationAction#toJson()}, and returns
 * once Kafka has it.
 */
public final class ConversationActionPublisher implements AutoCloseable {
    private final AcknowledgedProducer<String> producer;

    ConversationActionPublisher(AcknowledgedProducer<String> producer) {
        this.producer = producer;
    }

    public static ConversationActionPublisher create(PublishSettings config, MeterRegistry metrics) {
        return new ConversationActionPublisher(AcknowledgedProducer.of(
                IngestProducers.create(config, new StringSerializer(), "conversation-actions", metrics),
                config.publishTimeout()));
    }

    /**
     * @throws PublishUnavailableException when Kafka cannot be reached in time
     * @throws PublishFailedException      when it refuses the record for good
     */
    public void publish(ConversationAction action) {
        producer.send(new ProducerRecord<>(Topics.CONVERSATION_ACTIONS, null, action.at().toEpochMilli(),
                action.contactId(), action.toJson()), "the " + action.kind().wireName() + " request");
    }

    @Override
    public void close() {
        producer.close();
    }
}
