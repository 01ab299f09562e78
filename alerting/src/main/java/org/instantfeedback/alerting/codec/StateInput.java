package org.instantfeedback.alerting.codec;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads what {@link StateOutput} wrote; every problem becomes a {@link CorruptStateException} naming what was read.
 *
 * <p>Reads straight from a {@link ByteBuffer} (big-endian, as {@link java.io.DataOutputStream} writes):
 * the alerting windows decode up to a hundred buckets per response, and a stream over the bytes
 * cost a synchronized call per byte.
 */
public final class StateInput {
    private final ByteBuffer in;
    private final String what;
    private final byte version;

    /** Checks the version byte first: a store written by an unknown layout must not be misread. */
    public StateInput(byte[] bytes, byte expectedVersion, String what) {
        this(bytes, expectedVersion, expectedVersion, what);
    }

    /**
     * For a layout that grew: reads the versions {@code oldestVersion..newestVersion}, and the
     * caller asks {@link #version()} which fields the bytes hold.
     */
    public StateInput(byte[] bytes, byte oldestVersion, byte newestVersion, String what) {
        this.what = what;
        if (bytes == null || bytes.length == 0) {
            throw new CorruptStateException("no bytes for " + what);
        }
        if (bytes[0] < oldestVersion || bytes[0] > newestVersion) {
            throw new CorruptStateException(what + " of version " + bytes[0] + " cannot be read; this release reads "
                    + (oldestVersion == newestVersion ? "version " + newestVersion
                    : "versions " + oldestVersion + " to " + newestVersion));
        }
        this.version = bytes[0];
        this.in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
    }

    /** The version byte the bytes were written with. */
    public byte version() {
        return version;
    }

    public byte readByte() {
        ensure(Byte.BYTES);
        return in.get();
    }

    public boolean readBoolean() {
        return readByte() != 0;
    }

    public int readInt() {
        ensure(Integer.BYTES);
        return in.getInt();
    }

    /** A list length, refused beyond {@code max} so corrupt bytes cannot make us allocate gigabytes. */
    public int readCount(int max) {
        int count = readInt();
        if (count < 0 || count > max) {
            throw new CorruptStateException(what + ": a count of " + count + " is outside 0.." + max);
        }
        return count;
    }

    public long readLong() {
        ensure(Long.BYTES);
        return in.getLong();
    }

    public double readDouble() {
        ensure(Double.BYTES);
        return in.getDouble();
    }

    public byte[] readBytes(int length) {
        ensure(length);
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    /** Modified UTF-8 behind an unsigned 16-bit length, as {@link java.io.DataOutput#writeUTF} writes it. */
    public String readString() {
        ensure(Short.BYTES);
        int length = Short.toUnsignedInt(in.getShort());
        ensure(length);
        int start = in.arrayOffset() + in.position();
        byte[] array = in.array();
        in.position(in.position() + length);
        if (isAscii(array, start, length)) {
            return new String(array, start, length, StandardCharsets.ISO_8859_1);
        }
        // Rare (non-ASCII text): let the JDK decode modified UTF-8, length prefix included.
        try {
            return new DataInputStream(new ByteArrayInputStream(array, start - Short.BYTES, length + Short.BYTES))
                    .readUTF();
        } catch (IOException e) {
            throw new CorruptStateException(what + " cannot be read: " + e.getMessage(), e);
        }
    }

    public String readNullableString() {
        return readBoolean() ? readString() : null;
    }

    public Double readNullableDouble() {
        return readBoolean() ? readDouble() : null;
    }

    public Instant readInstant() {
        return Instant.ofEpochMilli(readLong());
    }

    public Instant readNullableInstant() {
        return readBoolean() ? readInstant() : null;
    }

    /** Trailing bytes mean the layout is not what we think it is. */
    public void expectEnd() {
        int left = in.remaining();
        if (left > 0) {
            throw new CorruptStateException(what + ": " + left + " unexpected bytes at the end");
        }
    }

    private void ensure(int bytes) {
        if (bytes < 0 || in.remaining() < bytes) {
            throw new CorruptStateException(what + " ends too early", new BufferUnderflowException());
        }
    }

    // Modified UTF-8 writes U+0001..U+007F as one byte and everything else (U+0000 included) as two
    // or three, each with the top bit set: bytes 1..127 only means plain ASCII.
    private static boolean isAscii(byte[] array, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (array[i] <= 0) {
                return false;
            }
        }
        return true;
    }
}
