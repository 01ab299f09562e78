package org.instantfeedback.streams.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most a given number of entries, forgetting the least recently used first:
 * what the processors remember in memory beside their stores (last published figures, merged
 * buckets, parsed rules), which must stay bounded whatever the number of subjects.
 */
public final class RecentlyUsed {
    private RecentlyUsed() {
    }

    /** A map of at most {@code capacity} entries; {@code get} counts as a use. Not thread-safe. */
    public static <K, V> Map<K, V> map(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        return new LinkedHashMap<>(Math.min(capacity, 1_024), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
