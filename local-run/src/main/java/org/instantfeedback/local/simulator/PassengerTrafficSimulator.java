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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends made-up passenger feedback to feedback-ingest over HTTP at a steady rate, the way the web
 * form, an SMS gateway and Twilio would, so the whole pipeline is exercised from its public edge,
 * senders' pseudonyms and sealed reply addresses included.
 *
 * <p>It starts by replaying {@link #HISTORY} of an ordinary day, as fast as ingest takes it, with
 * the feedback's event times in that past: alerts compare against what is usual for each route, and
 * a baseline learnt from nothing would make every bad day look usual, or every ordinary one odd.
 * Twilio's webhook carries no time of its own (ingest stamps arrival), so the replayed past comes
 * through the gateway endpoint, which does; only live texts use Twilio's.
 */
public final class PassengerTrafficSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PassengerTrafficSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The operator's number passengers text, in the range reserved for drama like theirs. */
    public static final String OPERATOR_NUMBER = "+447700900999";
    /** The ordinary past replayed before live traffic: enough for the local run's baselines to warm up. */
    public static final Duration HISTORY = Duration.ofMinutes(10);
    /**
     * At most this much feedback is replayed (ten minutes at the default 4 a second, some 35 s of
     * sending): at higher rates the history is shorter, so start-up stays quick, and baselines may
     * still be warming up when the bad days begin.
     */
    private static final long MAX_HISTORY_SUBMISSIONS = 2_400;
    /** Enough requests at a time to keep ingest busy while it waits for Kafka's acknowledgements. */
    private static final int REPLAY_IN_FLIGHT = 16;

    private final URI feedbackUri;
    private final URI smsUri;
    private final String smsApiKey;
    private final TwilioInboundSms twilio;
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
     * @param twilio    Twilio's webhook of ingest, signed as ingest checks it; null sends the Twilio
     *                  passengers' texts through the gateway endpoint
     */
    public PassengerTrafficSimulator(URI ingestBaseUri, String smsApiKey, TwilioInboundSms twilio,
            PassengerTraffic traffic, double perSecond) {
        this.feedbackUri = ingestBaseUri.resolve("/v1/feedback");
        this.smsUri = ingestBaseUri.resolve("/v1/sms");
        this.smsApiKey = smsApiKey;
        this.twilio = twilio;
        this.traffic = traffic;
        this.perSecond = perSecond;
    }

    /** Replays the {@link #HISTORY}, then sends live feedback until closed; returns at once. */
    public void start() {
        startedAt = Instant.now();
        scheduler.execute(() -> {
            Duration history = history(perSecond);
            LOG.info("replaying {} of ordinary feedback before the live simulation", history);
            replay(startedAt, history.negated(), Duration.ZERO);
            LOG.info("simulating {} feedback/s to {}", perSecond, feedbackUri);
            // scheduled only now, so the live rate does not burst to catch up on the replay's time
            long periodMicros = Math.max(1, Math.round(1_000_000 / perSecond));
            scheduler.scheduleAtFixedRate(this::sendLive, 0, periodMicros, TimeUnit.MICROSECONDS);
        });
        scheduler.scheduleAtFixedRate(this::logProgress, 15, 15, TimeUnit.SECONDS);
    }

    /** How much of the ordinary past {@link #start()} replays at this rate. */
    static Duration history(double perSecond) {
        long cappedMillis = Math.round(MAX_HISTORY_SUBMISSIONS / perSecond * 1000);
        return HISTORY.toMillis() <= cappedMillis ? HISTORY : Duration.ofMillis(cappedMillis);
    }

    /**
     * Sends, as fast as ingest takes them ({@value #REPLAY_IN_FLIGHT} requests at a time), the
     * feedback of simulated time from {@code from} to {@code to} after {@code origin} (negative:
     * before it), at this simulator's rate (more on bad days), each with its event time
     * {@code origin + elapsed}. Bad
     * days start relative to {@code origin}. A compressed timeline for tests and for the history
     * before a live run; returns once every request is answered.
     */
    public void replay(Instant origin, Duration from, Duration to) {
        long stepNanos = Math.max(1, Math.round(1_000_000_000 / perSecond));
        Semaphore inFlight = new Semaphore(REPLAY_IN_FLIGHT);
        try {
            for (Duration elapsed = from; elapsed.compareTo(to) < 0; elapsed = elapsed.plusNanos(stepNanos)) {
                for (int i = traffic.submissionsAt(elapsed); i > 0; i--) {
                    inFlight.acquire();
                    http.sendAsync(pastRequest(traffic.next(elapsed, origin.plus(elapsed))),
                                    HttpResponse.BodyHandlers.ofString())
                            .whenComplete((response, failure) -> {
                                count(response, failure);
                                inFlight.release();
                            });
                }
            }
            inFlight.acquire(REPLAY_IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long accepted() {
        return accepted.get();
    }

    public long refused() {
        return refused.get();
    }

    private void sendLive() {
        Instant now = Instant.now();
        Duration elapsed = Duration.between(startedAt, now);
        for (int i = traffic.submissionsAt(elapsed); i > 0; i--) {
            send(traffic.next(elapsed, now));
        }
    }

    private void send(PassengerTraffic.Submission submission) {
        try {
            count(http.send(liveRequest(submission), HttpResponse.BodyHandlers.ofString()), null);
        } catch (IOException e) {
            count(null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void count(HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            refused.incrementAndGet();
            LOG.warn("could not reach ingest at {}: {}", feedbackUri, failure.toString());
        } else if (response.statusCode() == 202 || response.statusCode() == 200) {
            accepted.incrementAndGet();
        } else {
            refused.incrementAndGet();
            LOG.warn("ingest refused simulated feedback with {}: {}", response.statusCode(), response.body());
        }
    }

    /** Feedback of the replayed past: by the routes that carry its event time. */
    private HttpRequest pastRequest(PassengerTraffic.Submission submission) {
        return submission.bySms() && smsApiKey != null ? smsRequest(submission) : webRequest(submission);
    }

    private HttpRequest liveRequest(PassengerTraffic.Submission submission) {
        if (submission.channel() == PassengerTraffic.Channel.TWILIO_SMS && twilio != null) {
            return twilio.request(submission.senderNumber(), OPERATOR_NUMBER, submission.smsText());
        }
        return pastRequest(submission);
    }

    /** As an SMS gateway would forward the text (see docs/channels.md, "Other SMS gateways"). */
    private HttpRequest smsRequest(PassengerTraffic.Submission submission) {
        ObjectNode body = JSON.createObjectNode()
                .put("from", submission.senderNumber())
                .put("to", OPERATOR_NUMBER)
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
