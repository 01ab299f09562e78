package org.instantfeedback.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.instantfeedback.config.Topics;
import org.junit.jupiter.api.Test;

class DeadLetterRecordTest {
    private static final byte[] KEY = bytes("contact-1");
    private static final byte[] VALUE = bytes("not avro at all");

    @Test
    void keeps_the_record_as_read_and_adds_the_reason_and_where_it_was_read() {
        Headers original = new RecordHeaders().add("trace", bytes("abc"));
        ConsumerRecord<byte[], byte[]> read = new ConsumerRecord<>(Topics.REPLIES, 2, 41L, 0L, TimestampType.CREATE_TIME,
                KEY.length, VALUE.length, KEY, VALUE, original, Optional.empty());

        ProducerRecord<byte[], byte[]> deadLetter = DeadLetterRecord.of(read,
                new SerializationException("unknown magic byte 110"));

        assertThat(deadLetter.topic()).isEqualTo(Topics.DEAD_LETTER);
        assertThat(deadLetter.key()).isEqualTo(KEY);
        assertThat(deadLetter.value()).isEqualTo(VALUE);
        assertThat(header(deadLetter.headers(), "trace")).isEqualTo("abc");
        assertThat(header(deadLetter.headers(), DeadLetterHeaders.EXCEPTION))
                .isEqualTo(SerializationException.class.getName());
        assertThat(header(deadLetter.headers(), DeadLetterHeaders.MESSAGE)).isEqualTo("unknown magic byte 110");
        assertThat(header(deadLetter.headers(), DeadLetterHeaders.TOPIC)).isEqualTo(Topics.REPLIES);
        assertThat(header(deadLetter.headers(), DeadLetterHeaders.PARTITION)).isEqualTo("2");
        assertThat(header(deadLetter.headers(), DeadLetterHeaders.OFFSET)).isEqualTo("41");
        assertThat(read.headers().lastHeader(DeadLetterHeaders.EXCEPTION)).as("the record read is left as it was")
                .isNull();
    }

    @Test
    void a_failure_without_a_message_is_described_by_its_name() {
        Headers headers = DeadLetterHeaders.describing(new RecordHeaders(), new IllegalStateException(),
                Optional.empty());

        assertThat(header(headers, DeadLetterHeaders.MESSAGE)).isEqualTo(IllegalStateException.class.getName());
        assertThat(headers.lastHeader(DeadLetterHeaders.TOPIC)).isNull();
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
