package org.instantfeedback.benchmarks.flink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Avro binary of one generated event class, without the Confluent header: how the full job's
 * functions pass events to one another and write them out. Flink has no serializer for Avro
 * records on this class path (flink-avro is not in the offline repository), so events cross a
 * keyBy as bytes, which is what an Avro serializer would write anyway. One instance per function
 * instance (a task thread): the reader, writer and buffers are reused and not thread-safe.
 */
final class AvroBinary<T extends SpecificRecordBase> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private transient SpecificDatumReader<T> reader;
    private transient SpecificDatumWriter<T> writer;
    private transient BinaryDecoder decoder;
    private transient BinaryEncoder encoder;
    private transient ByteArrayOutputStream buffer;

    AvroBinary(Class<T> type) {
        this.type = type;
    }

    T decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    T decode(byte[] bytes, int offset, int length) {
        if (reader == null) {
            reader = new SpecificDatumReader<>(type);
        }
        decoder = DecoderFactory.get().binaryDecoder(bytes, offset, length, decoder);
        try {
            return reader.read(null, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + type.getSimpleName(), e);
        }
    }

    byte[] encode(T record) {
        if (writer == null) {
            writer = new SpecificDatumWriter<>(type);
            buffer = new ByteArrayOutputStream(512);
        }
        buffer.reset();
        encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a " + type.getSimpleName(), e);
        }
        return buffer.toByteArray();
    }
}
