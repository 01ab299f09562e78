package org.instantfeedback.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The reason a record went to feedback.deadletter.v1, in the headers Kafka Streams itself writes
 * for records it cannot deserialize (KIP-1034), so one reader handles every dead letter, whichever
 * service wrote it: the exception's class and message and where the record came from. The stack
 * trace stays in the log.
 */
public final class DeadLetterHeaders {
    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";

    /** Where the record was read: the topic, partition and offset that find it again. */
    public record Origin(String topic, int partition, long offset) {
    }

    private DeadLetterHeaders() {
    }

    /** A copy of the record's own headers with the reason added; the record's headers stay as they were. */
    public static Headers describing(Headers original, Exception failure, Optional<Origin> origin) {
        Headers headers = new RecordHeaders(original.toArray());
        add(headers, EXCEPTION, failure.getClass().getName());
        add(headers, MESSAGE, failure.getMessage() == null ? failure.toString() : failure.getMessage());
        origin.ifPresent(read -> {
            add(headers, TOPIC, read.topic());
            add(headers, PARTITION, Integer.toString(read.partition()));
            add(headers, OFFSET, Long.toString(read.offset()));
        });
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
