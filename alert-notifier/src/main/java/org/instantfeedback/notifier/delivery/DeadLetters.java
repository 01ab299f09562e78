package org.instantfeedback.notifier.delivery;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.instantfeedback.config.Topics;

/**
 * Writes an alert the notifier cannot deliver for good (the target refused it, or its bytes cannot
 * be read) to {@value Topics#DEAD_LETTER}, as it was received, with the reason in headers. Waits
 * for the broker's acknowledgement, since the offset is committed right after.
 */
public final class DeadLetters {
    public static final String REASON = "notifier.errors.reason";
    public static final String TARGET = "notifier.errors.target";
    public static final String STATUS = "notifier.errors.status";
    public static final String TOPIC = "notifier.errors.topic";
    public static final String PARTITION = "notifier.errors.partition";
    public static final String OFFSET = "notifier.errors.offset";
    static final long SEND_TIMEOUT_SECONDS = 30;

    private final Producer<byte[], byte[]> producer;

    public DeadLetters(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    /** @throws KafkaException when the broker did not take the record; the caller retries later */
    public void write(ConsumerRecord<byte[], byte[]> record, String target, int status, String reason)
            throws InterruptedException {
        ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>(Topics.DEAD_LETTER, null,
                record.key(), record.value(), record.headers());
        Headers headers = deadLetter.headers();
        headers.add(REASON, bytes(reason));
        headers.add(TARGET, bytes(target));
        headers.add(STATUS, bytes(Integer.toString(status)));
        headers.add(TOPIC, bytes(record.topic()));
        headers.add(PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(OFFSET, bytes(Long.toString(record.offset())));
        try {
            producer.send(deadLetter).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("could not write to " + Topics.DEAD_LETTER + ": " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
