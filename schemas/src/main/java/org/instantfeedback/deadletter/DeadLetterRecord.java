package org.instantfeedback.deadletter;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.instantfeedback.config.Topics;

/**
 * A record a plain consumer could not process, as it was read (key, value, headers, so it can be
 * replayed), bound for {@value Topics#DEAD_LETTER} with the reason in {@link DeadLetterHeaders}.
 */
public final class DeadLetterRecord {
    private DeadLetterRecord() {
    }

    public static ProducerRecord<byte[], byte[]> of(ConsumerRecord<byte[], byte[]> read, Exception failure) {
        DeadLetterHeaders.Origin origin = new DeadLetterHeaders.Origin(read.topic(), read.partition(), read.offset());
        return new ProducerRecord<>(Topics.DEAD_LETTER, null, read.key(), read.value(),
                DeadLetterHeaders.describing(read.headers(), failure, Optional.of(origin)));
    }
}
