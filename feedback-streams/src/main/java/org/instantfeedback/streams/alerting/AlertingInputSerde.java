package org.instantfeedback.streams.alerting;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.instantfeedback.alerting.metrics.WindowMetricsCodec;

/**
 * {@link AlertingInput} on the internal repartition topic. Internal to the application (no
 * consumer outside it), so it stays out of the schema registry. A slice change, the bulk of the
 * topic, is binary: a marker byte, the slice start, then the alerting core's own encoding of the
 * merged feedback; reports and ops actions are JSON, as releases before slice changes wrote every
 * input (a JSON document never starts with the marker byte), and only record components are
 * written, never derived getters such as {@code isComplaint()}.
 */
final class AlertingInputSerde {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Marks a slice change; JSON starts with '{' (or whitespace), never with this. */
    private static final byte SLICE_CHANGE = 1;

    private AlertingInputSerde() {
    }

    static Serde<AlertingInput> create() {
        Serializer<AlertingInput> serializer = (topic, input) -> {
            if (input == null) {
                return null;
            }
            if (input.change() != null) {
                return sliceChange(input.change());
            }
            try {
                return JSON.writeValueAsBytes(input);
            } catch (IOException e) {
                throw new SerializationException("cannot write alerting input for " + topic, e);
            }
        };
        Deserializer<AlertingInput> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return bytes.length > 0 && bytes[0] == SLICE_CHANGE ? AlertingInput.of(sliceChange(bytes))
                        : JSON.readValue(bytes, AlertingInput.class);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot read alerting input from " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static byte[] sliceChange(AlertingInput.SliceChange change) {
        byte[] added = WindowMetricsCodec.encode(change.added());
        return ByteBuffer.allocate(1 + Long.BYTES + added.length).put(SLICE_CHANGE).putLong(change.sliceStart())
                .put(added).array();
    }

    private static AlertingInput.SliceChange sliceChange(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        long sliceStart = buffer.getLong();
        byte[] added = new byte[buffer.remaining()];
        buffer.get(added);
        return new AlertingInput.SliceChange(sliceStart, WindowMetricsCodec.decode(added));
    }
}
