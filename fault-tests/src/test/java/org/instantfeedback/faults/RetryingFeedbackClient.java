package org.instantfeedback.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts feedback to feedback-ingest the way a well-behaved app does: every submission carries its
 * own Idempotency-Key (which becomes the eventId), and a 503 or a timeout is answered by sending
 * the very same request again, after the Retry-After the service asked for. Counts what happened.
 */
final class RetryingFeedbackClient {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    /** What every client saw, summed. */
    static final class Tally {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong attempts = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong unavailable = new AtomicLong();
        final AtomicLong timedOut = new AtomicLong();
        final AtomicLong resent = new AtomicLong();
        final AtomicLong otherStatus = new AtomicLong();
        final AtomicLong gaveUp = new AtomicLong();
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final Tally tally;

    RetryingFeedbackClient(int port, Tally tally) {
        this.endpoint = URI.create("http://localhost:" + port + "/v1/feedback");
        this.tally = tally;
    }

    /**
     * Sends one submission until it is accepted or {@code giveUpAt} passes; returns the status of
     * the last answer (202 when accepted), empty when the last attempt timed out.
     */
    Optional<Integer> submit(String idempotencyKey, String subject, int stars, Instant occurredAt, Instant giveUpAt)
            throws InterruptedException {
        tally.sent.incrementAndGet();
        String body = "{\"subject\":\"" + subject + "\",\"rating\":" + stars + ",\"occurredAt\":\"" + occurredAt
                + "\",\"comment\":\"submission " + idempotencyKey + "\"}";
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0) {
                tally.resent.incrementAndGet();
            }
            tally.attempts.incrementAndGet();
            Optional<Integer> status;
            Duration wait = Duration.ofSeconds(1);
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = Optional.of(response.statusCode());
                if (response.statusCode() / 100 == 2) {
                    tally.accepted.incrementAndGet();
                    return status;
                }
                if (response.statusCode() != 503) {
                    tally.otherStatus.incrementAndGet();
                    return status;
                }
                tally.unavailable.incrementAndGet();
                wait = response.headers().firstValue("Retry-After").map(Long::parseLong).map(Duration::ofSeconds)
                        .orElse(wait);
            } catch (IOException e) {
                tally.timedOut.incrementAndGet();
                status = Optional.empty();
            }
            if (Instant.now().plus(wait).isAfter(giveUpAt)) {
                tally.gaveUp.incrementAndGet();
                return status;
            }
            // A real client waits as long as the service asked before it sends the same request again.
            Thread.sleep(wait.toMillis());
        }
    }
}
