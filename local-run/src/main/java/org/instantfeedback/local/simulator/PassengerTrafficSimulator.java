package org.instantfeedback.local.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends made-up passenger feedback to feedback-ingest over HTTP at a steady rate, the way the web
 * form and an SMS gateway would, so the whole pipeline is exercised from its public edge, senders'
 * pseudonyms included.
 */
public final class PassengerTrafficSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PassengerTrafficSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIMULATED_INBOUND_NUMBER = "+447700900999";

    private final URI feedbackUri;
    private final URI smsUri;
    private final String smsApiKey;
    private final PassengerTraffic traffic;
    private final double perSecond;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "passenger-traffic-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private Instant startedAt;

    /**
     * @param smsApiKey a key ingest accepts on {@code POST /v1/sms}; null sends everything through
     *                  the web form
     */
    public PassengerTrafficSimulator(URI ingestBaseUri, String smsApiKey, PassengerTraffic traffic, double perSecond) {
        this.feedbackUri = ingestBaseUri.resolve("/v1/feedback");
        this.smsUri = ingestBaseUri.resolve("/v1/sms");
        this.smsApiKey = smsApiKey;
        this.traffic = traffic;
        this.perSecond = perSecond;
    }

    public void start() {
        startedAt = Instant.now();
        long periodMicros = Math.max(1, Math.round(1_000_000 / perSecond));
        scheduler.scheduleAtFixedRate(this::sendOne, 0, periodMicros, TimeUnit.MICROSECONDS);
        scheduler.scheduleAtFixedRate(this::logProgress, 15, 15, TimeUnit.SECONDS);
        LOG.info("simulating {} feedback/s to {}", perSecond, feedbackUri);
    }

    public long accepted() {
        return accepted.get();
    }

    public long refused() {
        return refused.get();
    }

    private void sendOne() {
        Instant now = Instant.now();
        PassengerTraffic.Submission submission = traffic.next(Duration.between(startedAt, now), now);
        try {
            HttpResponse<String> response = http.send(request(submission), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202 || response.statusCode() == 200) {
                accepted.incrementAndGet();
            } else {
                refused.incrementAndGet();
                LOG.warn("ingest refused simulated feedback with {}: {}", response.statusCode(), response.body());
            }
        } catch (IOException e) {
            refused.incrementAndGet();
            LOG.warn("could not reach ingest at {}: {}", feedbackUri, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest request(PassengerTraffic.Submission submission) {
        return submission.bySms() && smsApiKey != null ? smsRequest(submission) : webRequest(submission);
    }

    /** As an SMS gateway would forward the text (see README, "Other SMS gateways"). */
    private HttpRequest smsRequest(PassengerTraffic.Submission submission) {
        ObjectNode body = JSON.createObjectNode()
                .put("from", submission.senderNumber())
                .put("to", SIMULATED_INBOUND_NUMBER)
                .put("text", submission.smsText())
                .put("messageId", UUID.randomUUID().toString())
                .put("receivedAt", submission.occurredAt().toString());
        return HttpRequest.newBuilder(smsUri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", smsApiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private HttpRequest webRequest(PassengerTraffic.Submission submission) {
        ObjectNode body = JSON.createObjectNode()
                .put("subject", submission.subject())
                .put("rating", submission.rating())
                .put("occurredAt", submission.occurredAt().toString());
        if (submission.comment() != null) {
            body.put("comment", submission.comment());
        }
        return HttpRequest.newBuilder(feedbackUri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private void logProgress() {
        LOG.info("simulator: {} feedback accepted, {} refused", accepted.get(), refused.get());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
