package org.instantfeedback.ingest.ratelimit;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One token bucket per key: a key may take {@code burst} tokens at once, and tokens come back at
 * {@code perMinute} a minute. Memory is bounded: at most {@code maxTracked} keys are held; a bucket
 * that has filled up again is the same as none, so full buckets are dropped when room is needed
 * (at most once a second, so a flood of new keys cannot make every request sweep). When every held
 * key is busy, new keys pass unlimited rather than pushing out keys that are being limited.
 */
final class TokenBuckets {
    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final double tokensPerNano;
    private final int burst;
    private final int maxTracked;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    TokenBuckets(int perMinute, int burst, int maxTracked, LongSupplier nanoTime) {
        this.tokensPerNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
        this.burst = burst;
        this.maxTracked = maxTracked;
        this.nanoTime = nanoTime;
        this.lastSweep = new AtomicLong(nanoTime.getAsLong() - SWEEP_INTERVAL_NANOS);
    }

    /** Takes a token for {@code key}: empty if there was one, else the seconds until there is. */
    OptionalLong tryTake(String key) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxTracked && !sweep(now)) {
                return OptionalLong.empty();
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        }
        return bucket.take(now);
    }

    int tracked() {
        return buckets.size();
    }

    /** Drops full buckets; true if there is room afterwards. */
    private boolean sweep(long now) {
        long last = lastSweep.get();
        if (now - last >= SWEEP_INTERVAL_NANOS && lastSweep.compareAndSet(last, now)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.size() < maxTracked;
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized OptionalLong take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            double nanosToNextToken = (1 - tokens) / tokensPerNano;
            return OptionalLong.of(Math.max(1, (long) Math.ceil(nanosToNextToken / TimeUnit.SECONDS.toNanos(1))));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            long elapsed = Math.max(0, now - updated);
            tokens = Math.min(burst, tokens + elapsed * tokensPerNano);
            updated = now;
        }
    }
}
