package org.instantfeedback.registry;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} for Avro SpecificRecords that speaks the Confluent Schema Registry
 * protocol and wire format. Configure it with Confluent's keys ({@code schema.registry.url},
 * {@code basic.auth.user.info}, ...); a {@code mock://<scope>} URL keeps schemas in memory, for
 * {@code TopologyTestDriver} tests.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final SpecificAvroSerializer<T> serializer;
    private final SpecificAvroDeserializer<T> deserializer;

    public SpecificAvroSerde() {
        this(null);
    }

    public SpecificAvroSerde(Class<T> type) {
        this.serializer = new SpecificAvroSerializer<>();
        this.deserializer = new SpecificAvroDeserializer<>(type);
    }

    /** A serde configured for values, in one step. */
    public static <T extends SpecificRecord> SpecificAvroSerde<T> forValues(Class<T> type, Map<String, ?> configs) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(configs, false);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
