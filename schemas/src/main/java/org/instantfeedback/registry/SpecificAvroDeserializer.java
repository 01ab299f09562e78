package org.instantfeedback.registry;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in the Confluent wire format into Avro SpecificRecords. The writer's schema comes
 * from the registry by id; the reader's schema is that of the generated class (given, or found
 * by the writer schema's full name), so records written with an older or newer compatible schema
 * are resolved into the class this code was built with.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
    private final Class<T> type;
    private SchemaRegistryClient registry;
    private final Map<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();

    public SpecificAvroDeserializer() {
        this((Class<T>) null);
    }

    public SpecificAvroDeserializer(Class<T> type) {
        GeneratedTypesTrust.install();
        this.type = type;
    }

    /** For wiring by hand, with a client the caller owns. */
    public SpecificAvroDeserializer(Class<T> type, SchemaRegistryClient registry) {
        this(type);
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.registry = SchemaRegistryClient.connect(SchemaRegistrySettings.from(configs));
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("deserializer used before configure()");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int id = WireFormat.readSchemaId(buffer);
        SpecificDatumReader<T> reader;
        try {
            reader = readers.computeIfAbsent(id, this::readerFor);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("could not fetch schema id " + id + " (the writer's schema) for a record on "
                    + topic + ": " + e.getMessage(), e);
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(data, buffer.position(), buffer.remaining(), null);
            return reader.read(null, decoder);
        } catch (java.io.IOException | RuntimeException e) {
            throw new SerializationException("could not read the Avro payload written with schema id " + id
                    + " on " + topic + ": " + e.getMessage(), e);
        }
    }

    private SpecificDatumReader<T> readerFor(int id) {
        Schema writer = registry.schemaById(id);
        Schema reader = readerSchema(writer);
        return new SpecificDatumReader<>(writer, reader);
    }

    @SuppressWarnings("unchecked")
    private Schema readerSchema(Schema writer) {
        Class<?> target = type != null ? type : SpecificData.get().getClass(writer);
        if (target == null || !SpecificRecord.class.isAssignableFrom(target)) {
            throw new SerializationException("no generated class on the class path for schema "
                    + writer.getFullName());
        }
        return SpecificData.get().getSchema(target);
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }
}
