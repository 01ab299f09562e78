package org.instantfeedback.alerting.codec;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;

/** Reads what {@link StateOutput} wrote; every problem becomes a {@link CorruptStateException} naming what was read. */
public final class StateInput {
    private final DataInputStream in;
    private final String what;

    /** Checks the version byte first: a store written by an unknown layout must not be misread. */
    public StateInput(byte[] bytes, byte expectedVersion, String what) {
        this.what = what;
        if (bytes == null || bytes.length == 0) {
            throw new CorruptStateException("no bytes for " + what);
        }
        if (bytes[0] != expectedVersion) {
            throw new CorruptStateException(what + " of version " + bytes[0] + " cannot be read; this release reads "
                    + "version " + expectedVersion);
        }
        this.in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1));
    }

    public byte readByte() {
        return read(in::readByte);
    }

    public boolean readBoolean() {
        return read(in::readBoolean);
    }

    public int readInt() {
        return read(in::readInt);
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
        return read(in::readLong);
    }

    public double readDouble() {
        return read(in::readDouble);
    }

    public byte[] readBytes(int length) {
        byte[] value = new byte[length];
        read(() -> {
            in.readFully(value);
            return value;
        });
        return value;
    }

    public String readString() {
        return read(in::readUTF);
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
        int left = read(in::available);
        if (left > 0) {
            throw new CorruptStateException(what + ": " + left + " unexpected bytes at the end");
        }
    }

    private interface Read<T> {
        T read() throws IOException;
    }

    private <T> T read(Read<T> read) {
        try {
            return read.read();
        } catch (EOFException e) {
            throw new CorruptStateException(what + " ends too early", e);
        } catch (IOException e) {
            throw new CorruptStateException(what + " cannot be read: " + e.getMessage(), e);
        }
    }
}
