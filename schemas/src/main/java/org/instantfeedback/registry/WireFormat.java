package org.instantfeedback.registry;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: one magic byte 0, the schema id as a 4-byte big-endian integer,
 * then the Avro binary encoding of the record.
 */
final class WireFormat {
    static final byte MAGIC_BYTE = 0;
    private static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    /** Reads the schema id and leaves the buffer at the start of the Avro payload. */
    static int readSchemaId(ByteBuffer buffer) {
        if (buffer.remaining() < HEADER_LENGTH) {
            throw new SerializationException("record of " + buffer.remaining()
                    + " bytes is too short for the Confluent wire format (magic byte and 4-byte schema id)");
        }
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException("unknown magic byte " + magic
                    + ": not written in the Confluent wire format");
        }
        return buffer.getInt();
    }
}
