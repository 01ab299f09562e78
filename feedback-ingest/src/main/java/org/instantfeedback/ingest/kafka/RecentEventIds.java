package org.instantfeedback.ingest.kafka;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The ids of events this instance stored recently: at most {@code maxEntries}, each for
 * {@code horizon}. Bounded in memory whatever the traffic: the oldest ids go first. A retry of
 * feedback whose id is here is answered without producing it again. Only ids whose produce
 * succeeded are remembered, so a retry after a failure is always produced.
 */
final class RecentEventIds {
    private final long horizonNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    /** Id to the time it expires, oldest first (re-stored ids move to the end). */
    private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<>();

    RecentEventIds(Duration horizon, int maxEntries, LongSupplier nanoTime) {
        this.horizonNanos = horizon.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    synchronized boolean contains(String eventId) {
        Long expiry = expiries.get(eventId);
        return expiry != null && expiry - nanoTime.getAsLong() > 0;
    }

    synchronized void remember(String eventId) {
        long now = nanoTime.getAsLong();
        expiries.remove(eventId);
        expiries.put(eventId, now + horizonNanos);
        Iterator<Map.Entry<String, Long>> oldestFirst = expiries.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<String, Long> oldest = oldestFirst.next();
            if (expiries.size() > maxEntries || oldest.getValue() - now <= 0) {
                oldestFirst.remove();
            } else {
                break;
            }
        }
    }

    synchronized int size() {
        return expiries.size();
    }
}
