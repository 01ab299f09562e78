package org.instantfeedback.ingest.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.instantfeedback.ingest.config.RateLimitSettings;

/**
 * The request limits: per client address (every HTTP channel a browser, kiosk or app uses) and per
 * sender (SMS, by pseudonym, so the phone number is never held). Over the limit, requests fail
 * with {@link RateLimitExceededException}. Refusals are counted in {@code ingest.rate.limited}.
 */
public final class RateLimiter {
    private final boolean enabled;
    private final TokenBuckets clients;
    private final TokenBuckets senders;
    private final Counter clientRefusals;
    private final Counter senderRefusals;

    RateLimiter(RateLimitSettings settings, MeterRegistry metrics, LongSupplier nanoTime) {
        this.enabled = settings.enabled();
        this.clients = new TokenBuckets(settings.clientPerMinute(), settings.clientBurst(), settings.maxTracked(),
                nanoTime);
        this.senders = new TokenBuckets(settings.senderPerMinute(), settings.senderBurst(), settings.maxTracked(),
                nanoTime);
        this.clientRefusals = refusals(metrics, "client");
        this.senderRefusals = refusals(metrics, "sender");
    }

    public static RateLimiter create(RateLimitSettings settings, MeterRegistry metrics) {
        return new RateLimiter(settings, metrics, System::nanoTime);
    }

    private static Counter refusals(MeterRegistry metrics, String limit) {
        return Counter.builder("ingest.rate.limited").description("Requests refused with 429, by limit")
                .tag("limit", limit).register(metrics);
    }

    /** Takes a request from {@code clientAddress}, or throws if it is over its limit. */
    public void checkClient(String clientAddress) {
        check(clients, clientAddress, "client address", clientRefusals);
    }

    /** Takes a message from the sender with this pseudonym, or throws if they are over their limit. */
    public void checkSender(String senderPseudonym) {
        check(senders, senderPseudonym, "sender", senderRefusals);
    }

    private void check(TokenBuckets buckets, String key, String who, Counter refusals) {
        if (!enabled || key == null) {
            return;
        }
        OptionalLong retryAfter = buckets.tryTake(key);
        if (retryAfter.isPresent()) {
            refusals.increment();
            throw new RateLimitExceededException(who, retryAfter.getAsLong());
        }
    }
}
