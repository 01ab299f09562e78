package org.instantfeedback.alerting.metrics;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash of a sender pseudonym, the same on every JVM and every run (unlike
 * {@link String#hashCode()}, which has only 32 bits). FNV-1a spreads the bytes, the MurmurHash3
 * finaliser makes every output bit depend on every input bit, which the distinct-sender estimate
 * relies on. Pseudonyms are keyed HMACs already, so this is about layout, not secrecy.
 */
public final class SenderHash {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SenderHash() {
    }

    public static long of(String pseudonym) {
        long hash = FNV_OFFSET;
        for (byte b : pseudonym.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return finalise(hash);
    }

    private static long finalise(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
