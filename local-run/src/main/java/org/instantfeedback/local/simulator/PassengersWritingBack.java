package org.instantfeedback.local.simulator;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.instantfeedback.embedded.twilio.ReceivedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated passengers who write back: watches the SMS the Twilio stand-in received for them (ops'
 * answers and follow-up questions) and, as {@link PassengerReplies} decides, texts the passenger's
 * answer a few seconds later through ingest's Twilio webhook, to the number the SMS came from, so it
 * continues the passenger's conversation. Numbers stay out of its log lines.
 */
public final class PassengersWritingBack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PassengersWritingBack.class);
    /** Only the simulator's own passengers write back: numbers of the range reserved for drama. */
    private static final Pattern SIMULATED_NUMBER = Pattern.compile("\\+447700900\\d{3}");
    private static final Duration LOOK_EVERY = Duration.ofSeconds(1);

    private final Supplier<List<ReceivedMessage>> received;
    private final TwilioInboundSms twilio;
    private final PassengerReplies replies;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "passengers-writing-back");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong sent = new AtomicLong();
    private int seen;

    /** @param received every SMS the provider took so far, oldest first (the stand-in's {@code messages()}) */
    public PassengersWritingBack(Supplier<List<ReceivedMessage>> received, TwilioInboundSms twilio,
            PassengerReplies replies) {
        this.received = received;
        this.twilio = twilio;
        this.replies = replies;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::readNew, LOOK_EVERY.toMillis(), LOOK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Texts the passengers sent back so far. */
    public long sent() {
        return sent.get();
    }

    private void readNew() {
        List<ReceivedMessage> messages = received.get();
        for (ReceivedMessage message : messages.subList(Math.min(seen, messages.size()), messages.size())) {
            if (SIMULATED_NUMBER.matcher(message.to()).matches()) {
                String operatorNumber = message.from().orElse(PassengerTrafficSimulator.OPERATOR_NUMBER);
                replies.to(message.body()).ifPresent(reply -> scheduler.schedule(
                        () -> send(twilio.request(message.to(), operatorNumber, reply.text())),
                        reply.after().toMillis(), TimeUnit.MILLISECONDS));
            }
        }
        seen = messages.size();
    }

    private void send(HttpRequest request) {
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                sent.incrementAndGet();
            } else {
                LOG.warn("ingest refused a simulated passenger's text back with {}", status);
            }
        } catch (IOException e) {
            LOG.warn("could not reach ingest at {}: {}", twilio.webhook(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
