package org.instantfeedback.scoring.training;

import java.nio.charset.StandardCharsets;

/**
 * Puts every labelled text in the same split on every machine and in every run, by a hash of its
 * id: 70% to learn from, 15% development (to tune and calibrate on), 15% test (figures only, never
 * tuned on). A file that is a test set as a whole (the held-out passenger messages) needs none.
 */
public enum StableSplit {
    TRAIN,
    DEVELOPMENT,
    TEST;

    private static final int TEST_PERCENT = 15;
    private static final int DEVELOPMENT_PERCENT = 15;

    public static StableSplit of(LabelledText text) {
        return of(text.id());
    }

    public static StableSplit of(String id) {
        int bucket = bucket(id, 100);
        if (bucket < TEST_PERCENT) {
            return TEST;
        }
        return bucket < TEST_PERCENT + DEVELOPMENT_PERCENT ? DEVELOPMENT : TRAIN;
    }

    /** A bucket of {@code 0 .. buckets-1} for the id: FNV-1a over its UTF-8 bytes, then mixed. */
    public static int bucket(String id, int buckets) {
        int hash = 0x811c9dc5;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x01000193;
        }
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >>> 16;
        return Integer.remainderUnsigned(hash, buckets);
    }
}
