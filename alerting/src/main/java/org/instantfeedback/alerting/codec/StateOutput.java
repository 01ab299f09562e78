package org.instantfeedback.alerting.codec;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Writes stored state: a version byte first, then big-endian primitives, strings as modified
 * UTF-8 with a length, and nullable values behind a presence byte. Writing to memory cannot fail,
 * so the checked exceptions of {@link DataOutputStream} do not leak out.
 */
public final class StateOutput {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private final DataOutputStream out = new DataOutputStream(bytes);

    public StateOutput(byte version) {
        writeByte(version);
    }

    public void writeByte(byte value) {
        run(() -> out.writeByte(value));
    }

    public void writeBoolean(boolean value) {
        run(() -> out.writeBoolean(value));
    }

    public void writeInt(int value) {
        run(() -> out.writeInt(value));
    }

    public void writeLong(long value) {
        run(() -> out.writeLong(value));
    }

    public void writeDouble(double value) {
        run(() -> out.writeDouble(value));
    }

    public void writeBytes(byte[] value) {
        run(() -> out.write(value));
    }

    public void writeString(String value) {
        run(() -> out.writeUTF(value));
    }

    public void writeNullableString(String value) {
        writeBoolean(value != null);
        if (value != null) {
            writeString(value);
        }
    }

    public void writeNullableDouble(Double value) {
        writeBoolean(value != null);
        if (value != null) {
            writeDouble(value);
        }
    }

    /** Millisecond precision, like Avro's timestamp-millis. */
    public void writeInstant(Instant value) {
        writeLong(value.toEpochMilli());
    }

    public void writeNullableInstant(Instant value) {
        writeBoolean(value != null);
        if (value != null) {
            writeInstant(value);
        }
    }

    public byte[] toByteArray() {
        run(out::flush);
        return bytes.toByteArray();
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void run(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
    }
}
