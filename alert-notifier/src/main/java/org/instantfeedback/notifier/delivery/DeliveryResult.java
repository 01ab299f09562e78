package org.instantfeedback.notifier.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * How one attempt to deliver an alert ended.
 *
 * @param outcome    delivered, worth retrying, or refused for good
 * @param status     the HTTP status, 0 when no answer came
 * @param reason     what happened, in words, for logs and dead-letter headers
 * @param retryAfter how long the target asked us to wait (429 or 503 with {@code Retry-After})
 */
public record DeliveryResult(Outcome outcome, int status, String reason, Optional<Duration> retryAfter) {

    public enum Outcome {
        DELIVERED,
        RETRYABLE,
        PERMANENT
    }

    public static DeliveryResult delivered(int status) {
        return new DeliveryResult(Outcome.DELIVERED, status, "HTTP " + status, Optional.empty());
    }

    public static DeliveryResult retryable(int status, String reason, Optional<Duration> retryAfter) {
        return new DeliveryResult(Outcome.RETRYABLE, status, reason, retryAfter);
    }

    public static DeliveryResult permanent(int status, String reason) {
        return new DeliveryResult(Outcome.PERMANENT, status, reason, Optional.empty());
    }
}
