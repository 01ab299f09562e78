package org.instantfeedback.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro SpecificRecords in the Confluent wire format, registering or looking up their
 * schema under the subject {@code <topic>-value} or {@code <topic>-key} (topic-name strategy).
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {
    private SchemaRegistryClient registry;
    private SchemaRegistrySettings settings;
    private boolean isKey;
    private final Map<Schema, SpecificDatumWriter<T>> writers = new ConcurrentHashMap<>();
    private final Map<String, Integer> latestIds = new ConcurrentHashMap<>();

    public SpecificAvroSerializer() {
        GeneratedTypesTrust.install();
    }

    /** For wiring by hand, with a client the caller owns. */
    public SpecificAvroSerializer(SchemaRegistryClient registry, SchemaRegistrySettings settings, boolean isKey) {
        this();
        this.registry = registry;
        this.settings = settings;
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.settings = SchemaRegistrySettings.from(configs);
        this.registry = SchemaRegistryClient.connect(settings);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("serializer used before configure()");
        }
        Schema schema = record.getSchema();
        String subject = Subjects.forTopic(topic, isKey);
        int id;
        try {
            id = schemaId(subject, schema);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("could not get a schema id for subject " + subject + ": "
                    + e.getMessage(), e);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            out.write(WireFormat.MAGIC_BYTE);
            out.write(id >>> 24);
            out.write(id >>> 16);
            out.write(id >>> 8);
            out.write(id);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(schema, SpecificDatumWriter::new).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("could not write " + schema.getFullName() + " to topic " + topic
                    + ": " + e.getMessage(), e);
        }
    }

    private int schemaId(String subject, Schema schema) {
        if (settings.autoRegisterSchemas()) {
            return registry.register(subject, schema);
        }
        if (settings.useLatestVersion()) {
            // The latest version is fixed per serializer instance: re-asking on every record would
            // hit the registry on the hot path, and Confluent's serializer caches it the same way.
            return latestIds.computeIfAbsent(subject, s -> registry.latest(s).id());
        }
        return registry.idOf(subject, schema);
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }
}
