package org.instantfeedback.notifier.config;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for failed deliveries: the n-th retry waits between half and all
 * of {@code initial * 2^(n-1)}, capped at {@code max}. The jitter keeps several notifiers (or
 * targets) that failed together from hammering a recovering endpoint in lockstep. There is no
 * retry limit: an alert is kept until its target takes it or refuses it for good.
 */
public record RetryPolicy(Duration initial, Duration max) {
    public RetryPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration backoff(int retry, RandomGenerator random) {
        long ceiling = ceilingMillis(retry);
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }

    /** The upper bound of {@link #backoff}: the uncapped exponential, capped at {@link #max}. */
    public long ceilingMillis(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        long exponential = initial.toMillis() << doublings;
        if (exponential <= 0 || exponential > max.toMillis()) {
            return max.toMillis();
        }
        return exponential;
    }
}
