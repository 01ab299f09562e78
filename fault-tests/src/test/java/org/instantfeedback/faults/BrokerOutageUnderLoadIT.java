package org.instantfeedback.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.ingest.IngestApp;
import org.instantfeedback.streams.StreamsApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault 2: the broker stopped for ten seconds and started again while clients keep posting
 * feedback to feedback-ingest, with feedback-streams counting. Clients resend a refused or timed-out
 * submission with the same Idempotency-Key, so every submission ends accepted; each accepted one
 * must come out of the pipeline exactly once, and CSAT must count each once.
 */
@WithKafkaAndRegistry
class BrokerOutageUnderLoadIT {
    private static final int CLIENTS = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final String SUBJECTS = "outage-route-";

    @TempDir
    Path stateDir;

    @Test
    @SuppressWarnings("try") // feedback-streams only has to run (and count) inside the try
    void every_submission_that_got_a_2xx_is_counted_exactly_once_across_a_broker_outage(KafkaAndRegistry kafka)
            throws Exception {
        Clients clients = new Clients(kafka);
        clients.createTopics();
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RetryingFeedbackClient.Tally tally = new RetryingFeedbackClient.Tally();
        Map<String, FeedbackReceived> acceptedByEventId = new ConcurrentHashMap<>();
        Set<String> neverAccepted = ConcurrentHashMap.newKeySet();
        AtomicBoolean keepSending = new AtomicBoolean(true);
        long refusedDuringOutage;

        try (IngestApp ingest = Services.startIngest(Services.ingestEnv(kafka, kafka.schemaRegistryUrl()));
             StreamsApp streams = Services.startStreams(Services.streamsEnv(kafka, kafka.schemaRegistryUrl(),
                     "fault-outage-" + UUID.randomUUID(), stateDir))) {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> senders = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                senders.add(pool.submit(() -> {
                    RetryingFeedbackClient http = new RetryingFeedbackClient(ingest.port(), tally);
                    for (int n = 0; keepSending.get(); n++) {
                        String key = "outage-" + client + "-" + n;
                        String subject = SUBJECTS + (n % 10);
                        int stars = 1 + (client + n) % 5;
                        Optional<Integer> status = http.submit(key, subject, stars, occurredAt,
                                Instant.now().plus(Duration.ofMinutes(2)));
                        if (status.equals(Optional.of(202))) {
                            acceptedByEventId.put(key, FeedbackMix.webRating(key, subject, stars, occurredAt));
                        } else {
                            neverAccepted.add(key);
                        }
                    }
                    return null;
                }));
            }
            try {
                await("submissions accepted before the outage").atMost(Duration.ofSeconds(60))
                        .until(() -> tally.accepted.get() >= 100);
                kafka.stopBroker();
                long refusedBefore = tally.unavailable.get() + tally.timedOut.get();
                try {
                    // Clients keep sending for the whole outage; none of them may fail outright.
                    await("clients sending while the broker is down").during(OUTAGE).atMost(OUTAGE.plusSeconds(5))
                            .until(() -> senders.stream().noneMatch(Future::isDone));
                } finally {
                    kafka.startBroker();
                }
                refusedDuringOutage = tally.unavailable.get() + tally.timedOut.get() - refusedBefore;
                long acceptedAtRestart = tally.accepted.get();
                await("submissions accepted after the broker came back").atMost(Duration.ofSeconds(90))
                        .until(() -> tally.accepted.get() >= acceptedAtRestart + 100);
            } finally {
                keepSending.set(false);
                pool.shutdown();
                assertThat(pool.awaitTermination(3, TimeUnit.MINUTES)).as("clients finished").isTrue();
            }
            for (Future<?> sender : senders) {
                sender.get();
            }

            await("every accepted submission on feedback.scored.v1").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> ScoredOutput.read(clients, SUBJECTS).containsAll(acceptedByEventId.keySet()));
        }

        ScoredOutput scored = ScoredOutput.read(clients, SUBJECTS);
        ExpectedCsat expected = new ExpectedCsat(Duration.ofMinutes(15), Duration.ofMinutes(1));
        acceptedByEventId.values().forEach(expected::add);
        Map<WindowKey, CsatCounts> csat = CsatOutput.read(clients).windowsOf(SUBJECTS);
        Set<String> accepted = acceptedByEventId.keySet();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("clients", CLIENTS);
        details.put("outageSeconds", OUTAGE.toSeconds());
        details.put("attempts", tally.attempts.get());
        details.put("answered503", tally.unavailable.get());
        details.put("timedOutOnClient", tally.timedOut.get());
        details.put("refusedDuringOutage", refusedDuringOutage);
        details.put("resent", tally.resent.get());
        details.put("otherStatus", tally.otherStatus.get());
        details.put("neverAccepted", neverAccepted.size());
        details.put("countedWithoutA2xx", scored.outside(accepted));
        details.put("csatWindowsCompared", expected.windows().size());
        new ReliabilityResult("broker-outage-under-ingest-load", tally.sent.get(), accepted.size(),
                tally.unavailable.get() + tally.timedOut.get(), scored.missing(accepted), scored.countedTwice(), details)
                .record();

        assertThat(refusedDuringOutage).as("requests answered 503 or timed out during the outage").isPositive();
        assertThat(tally.otherStatus.get()).as("answers other than 2xx and 503").isZero();
        assertThat(neverAccepted).as("submissions never accepted despite resending").isEmpty();
        assertThat(scored.missing(accepted)).as("accepted but not counted").isZero();
        assertThat(scored.countedTwice()).as("counted twice").isZero();
        assertThat(scored.outside(accepted)).as("counted without a 2xx").isZero();
        assertThat(csat).isEqualTo(expected.windows());
    }
}
