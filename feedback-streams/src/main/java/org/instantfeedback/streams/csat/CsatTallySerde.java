package org.instantfeedback.streams.csat;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Stores a {@link CsatTally} in the window store and its changelog as a version byte and four
 * longs. The tally is internal state, not a published contract, so it stays out of the schema
 * registry; the version byte lets a later layout read what an earlier one wrote.
 */
public final class CsatTallySerde implements Serde<CsatTally> {
    static final byte VERSION_1 = 1;
    static final int LENGTH_V1 = 1 + 4 * Long.BYTES;

    @Override
    public Serializer<CsatTally> serializer() {
        return (topic, tally) -> tally == null ? null : write(tally);
    }

    @Override
    public Deserializer<CsatTally> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(CsatTally tally) {
        return ByteBuffer.allocate(LENGTH_V1)
                .put(VERSION_1)
                .putLong(tally.ratedResponses())
                .putLong(tally.satisfiedResponses())
                .putLong(tally.ratingSum())
                .putLong(tally.latestEventTime())
                .array();
    }

    static CsatTally read(byte[] bytes) {
        if (bytes.length != LENGTH_V1 || bytes[0] != VERSION_1) {
            throw new SerializationException("not a CSAT tally of version " + VERSION_1 + " (" + bytes.length
                    + " bytes, first byte " + (bytes.length > 0 ? bytes[0] : "none") + ")");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, LENGTH_V1 - 1);
        try {
            return new CsatTally(buffer.getLong(), buffer.getLong(), buffer.getLong(), buffer.getLong());
        } catch (IllegalArgumentException e) {
            throw new SerializationException("corrupt CSAT tally: " + e.getMessage(), e);
        }
    }
}
