package org.instantfeedback.replies.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.instantfeedback.events.DeliveryStatus;
import org.instantfeedback.events.ReplyRequested;
import org.instantfeedback.replies.provider.OutgoingSms;
import org.instantfeedback.replies.provider.SendResult;
import org.instantfeedback.replies.provider.SmsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the provider for one reply, and again only while the answer is that the SMS was certainly
 * not sent: with backoff from 1 s doubling to 30 s, for at most the retry limit. Every other answer
 * is final, since a second call could text the passenger twice.
 */
public final class ProviderCalls {
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ProviderCalls.class);

    private final SmsProvider provider;
    private final ReplyStatuses statuses;
    private final Duration retryLimit;
    private final SenderMetrics metrics;
    private final Clock clock;
    private final Stopping stopping;

    public ProviderCalls(SmsProvider provider, ReplyStatuses statuses, Duration retryLimit, SenderMetrics metrics,
                         Clock clock, Stopping stopping) {
        this.provider = provider;
        this.statuses = statuses;
        this.retryLimit = retryLimit;
        this.metrics = metrics;
        this.clock = clock;
        this.stopping = stopping;
    }

    /** The last call's result; a {@link SendResult.NotSent} means the retries ran out (or the sender stops). */
    public SendResult send(OutgoingSms sms, ReplyRequested reply) {
        Instant giveUpAt = clock.instant().plus(retryLimit);
        for (int attempt = 1; ; attempt++) {
            SendResult result = timedCall(sms);
            if (!(result instanceof SendResult.NotSent notSent)) {
                return result;
            }
            Duration wait = backoff(attempt);
            if (clock.instant().plus(wait).isAfter(giveUpAt)) {
                log.warn("Reply {} not sent after {} attempt(s), giving up: {}", sms.replyId(), attempt,
                        notSent.reason());
                return result;
            }
            log.warn("Reply {} not sent ({}); retrying in {} ms", sms.replyId(), notSent.reason(), wait.toMillis());
            if (stopping.await(wait)) {
                return new SendResult.NotSent("the sender stopped before retrying: " + notSent.reason());
            }
            // A fresh SENDING before every further call: the sweep takes a SENDING older than one call
            // for a crashed sender's, and must not take a reply that is still being retried for one.
            try {
                statuses.write(List.of(ReplyStatuses.of(reply, DeliveryStatus.SENDING, clock.instant()).build()));
            } catch (StatusNotWrittenException e) {
                return new SendResult.NotSent("could not record the retry: " + notSent.reason());
            }
        }
    }

    /** 1 s, 2 s, 4 s ... up to 30 s after the {@code attempt}th failed call. */
    static Duration backoff(int attempt) {
        int doublings = Math.min(attempt - 1, 5);
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private SendResult timedCall(OutgoingSms sms) {
        long start = System.nanoTime();
        SendResult result = provider.send(sms);
        metrics.called(result, Duration.ofNanos(System.nanoTime() - start));
        return result;
    }
}
