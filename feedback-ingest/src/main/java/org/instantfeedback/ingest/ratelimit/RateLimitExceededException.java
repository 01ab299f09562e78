package org.instantfeedback.ingest.ratelimit;

/** A client or sender over its limit; answered 429 with {@code Retry-After}. */
public class RateLimitExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RateLimitExceededException(String who, long retryAfterSeconds) {
        super("too many requests from this " + who + "; try again in " + retryAfterSeconds + " seconds");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
