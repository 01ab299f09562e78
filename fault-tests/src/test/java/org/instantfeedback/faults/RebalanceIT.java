package org.instantfeedback.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.streams.StreamsApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault 3: feedback-streams scaled from two instances to one and back to two (same application.id,
 * own state directories and HTTP ports) while feedback keeps coming and dashboards keep asking.
 * Every live instance must keep answering queries (a 503 with Retry-After while its tasks move is
 * an answer; an error or a hang is not), and the final CSAT must count every rating once.
 */
@WithKafkaAndRegistry
class RebalanceIT {
    private static final Duration PHASE = Duration.ofSeconds(10);
    private static final String SUBJECTS = "rebalance-route-";

    @TempDir
    Path stateDir;

    @Test
    void two_instances_then_one_then_two_keep_answering_and_lose_nothing(KafkaAndRegistry kafka) throws Exception {
        Clients clients = new Clients(kafka);
        clients.createTopics();
        String applicationId = "fault-rebalance-" + UUID.randomUUID();
        List<String> subjects = IntStream.range(0, 20).mapToObj(i -> SUBJECTS + i).toList();
        List<StreamsApp> live = new CopyOnWriteArrayList<>();
        CsatQueryProbe probe = new CsatQueryProbe(() -> live.stream().map(StreamsApp::port).toList(), subjects);
        ScheduledExecutorService schedule = Executors.newScheduledThreadPool(2);
        SteadyFeedback load;
        int rebalances = 0;

        try (KafkaProducer<String, FeedbackReceived> producer = clients.feedbackProducer()) {
            load = new SteadyFeedback(producer, subjects);
            try {
                live.add(start(kafka, applicationId, "a"));
                live.add(start(kafka, applicationId, "b"));
                awaitRunning(live);
                schedule.scheduleAtFixedRate(load, 0, 20, TimeUnit.MILLISECONDS);
                schedule.scheduleAtFixedRate(probe, 0, 100, TimeUnit.MILLISECONDS);
                keepAnswering(probe, "two instances");

                StreamsApp leaving = live.remove(1);
                leaving.close();
                rebalances++;
                awaitRunning(live);
                keepAnswering(probe, "one instance");

                live.add(start(kafka, applicationId, "c"));
                rebalances++;
                awaitRunning(live);
                keepAnswering(probe, "two instances again");
            } finally {
                schedule.shutdown();
                assertThat(schedule.awaitTermination(30, TimeUnit.SECONDS)).as("load and queries stopped").isTrue();
                producer.flush();
            }
            assertThat(load.failures).as("ratings the broker refused").isEmpty();
            await("every rating through the pipeline").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ScoredOutput.read(clients, SUBJECTS).containsAll(load.acknowledged.keySet()));
        } finally {
            List<StreamsApp> running = new ArrayList<>(live);
            live.clear();
            running.forEach(StreamsApp::close);
        }

        ScoredOutput scored = ScoredOutput.read(clients, SUBJECTS);
        ExpectedCsat expected = new ExpectedCsat(Duration.ofMinutes(15), Duration.ofMinutes(1));
        load.acknowledged.values().forEach(expected::add);
        Map<WindowKey, CsatCounts> csat = CsatOutput.read(clients).windowsOf(SUBJECTS);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rebalances", rebalances);
        details.put("queriesAnswered", probe.answered());
        details.put("answersByStatus", Map.copyOf(probe.answers));
        details.put("queriesFailed", probe.failures.size());
        details.put("csatWindowsCompared", expected.windows().size());
        new ReliabilityResult("rebalance-2-1-2", load.sent(), load.acknowledged.size(), 0,
                scored.missing(load.acknowledged.keySet()), scored.countedTwice(), details).record();

        assertThat(probe.failures).as("queries without an answer").isEmpty();
        assertThat(probe.answers.getOrDefault("200", new AtomicLong()).get())
                .as("queries answered with figures").isPositive();
        assertThat(scored.missing(load.acknowledged.keySet())).as("ratings lost").isZero();
        assertThat(scored.countedTwice()).as("ratings counted twice").isZero();
        assertThat(csat).isEqualTo(expected.windows());
    }

    private StreamsApp start(KafkaAndRegistry kafka, String applicationId, String instance) {
        return Services.startStreams(Services.streamsEnv(kafka, kafka.schemaRegistryUrl(), applicationId,
                stateDir.resolve(instance)));
    }

    private static void awaitRunning(List<StreamsApp> instances) {
        await("every instance RUNNING").atMost(Duration.ofSeconds(90))
                .until(() -> instances.stream().allMatch(app -> app.state() == KafkaStreams.State.RUNNING));
    }

    /** Lets a phase run for a while under load, failing as soon as a query goes unanswered. */
    private static void keepAnswering(CsatQueryProbe probe, String phase) {
        await("queries answered with " + phase).during(PHASE).atMost(PHASE.plusSeconds(10))
                .untilAsserted(() -> assertThat(probe.failures).as("queries without an answer").isEmpty());
    }
}
