package org.instantfeedback.streams.alerting;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link AlertingInput} as JSON on the internal repartition topic. Internal to the application (no
 * consumer outside it), so it stays out of the schema registry; only record components are written,
 * never derived getters such as {@code isComplaint()}.
 */
final class AlertingInputSerde {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private AlertingInputSerde() {
    }

    static Serde<AlertingInput> create() {
        Serializer<AlertingInput> serializer = (topic, input) -> {
            try {
                return input == null ? null : JSON.writeValueAsBytes(input);
            } catch (IOException e) {
                throw new SerializationException("cannot write alerting input for " + topic, e);
            }
        };
        Deserializer<AlertingInput> deserializer = (topic, bytes) -> {
            try {
                return bytes == null ? null : JSON.readValue(bytes, AlertingInput.class);
            } catch (IOException e) {
                throw new SerializationException("cannot read alerting input from " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
