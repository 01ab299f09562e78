package org.instantfeedback.benchmarks.flink;

import java.util.Arrays;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;
import org.instantfeedback.events.FeedbackReceived;

/**
 * Reads {@code feedback.received.v1} values (Confluent wire format: magic byte 0, a 4-byte schema
 * id, then Avro binary) for the full job: the event id and both clocks, and the Avro bytes for the
 * steps after the dedupe. As in {@link StarRatingDecoder}, the schema id is not looked up: the
 * benchmark writes this topic with the one schema the event classes were generated from. A value
 * that is not in the wire format is skipped (feedback-streams sends it to its dead-letter topic).
 */
final class ReceivedFeedbackDecoder implements DeserializationSchema<ReceivedFeedback> {
    private static final long serialVersionUID = 1L;
    private static final int WIRE_HEADER_BYTES = 5;

    private final AvroBinary<FeedbackReceived> avro = new AvroBinary<>(FeedbackReceived.class);

    @Override
    public ReceivedFeedback deserialize(byte[] message) {
        throw new UnsupportedOperationException("a record may be skipped; the collector variant is used");
    }

    @Override
    public void deserialize(byte[] message, Collector<ReceivedFeedback> out) {
        if (message == null || message.length <= WIRE_HEADER_BYTES || message[0] != 0) {
            return;
        }
        FeedbackReceived feedback = avro.decode(message, WIRE_HEADER_BYTES, message.length - WIRE_HEADER_BYTES);
        out.collect(new ReceivedFeedback(feedback.getEventId(), feedback.getOccurredAt().toEpochMilli(),
                feedback.getReceivedAt().toEpochMilli(), Arrays.copyOfRange(message, WIRE_HEADER_BYTES, message.length)));
    }

    @Override
    public boolean isEndOfStream(ReceivedFeedback next) {
        return false;
    }

    @Override
    public TypeInformation<ReceivedFeedback> getProducedType() {
        return TypeInformation.of(ReceivedFeedback.class);
    }
}
