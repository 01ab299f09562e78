package org.instantfeedback.benchmarks.pipeline;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.ingest.IngestApp;

/**
 * Item 1: accepted feedback per second at saturation and latency at half of it, next to the bare
 * HTTP ceiling (same stack, same load tool) and Kafka's own acks=all producer for records of the
 * same size. Goals: at least 50% of the ceiling; p99 at most 20 ms at half saturation.
 */
final class IngestBenchmark {
    private static final String PRODUCER_TOPIC = "benchmarks.producer-reference";

    private IngestBenchmark() {
    }

    /** Runs the item and returns the accepted feedback/s at saturation. */
    static double run(Pipeline pipeline, Sizes sizes, Results results) throws Exception {
        List<byte[]> bodies = FeedbackEvents.httpBodies(2_000, 1_000);

        String clientCounts = Arrays.toString(sizes.clientCounts());
        Progress.say("ingest: bare HTTP ceiling (Javalin answering 202), closed loop, best of %s clients", clientCounts);
        HttpLoad.Throughput bare;
        HttpLoad.Latency bareLatency;
        try (BareHttpServer server = BareHttpServer.start()) {
            HttpLoad load = new HttpLoad(URI.create("http://localhost:" + server.port() + "/v1/feedback"), bodies);
            bare = load.peak(sizes.clientCounts(), sizes.warmUp(), sizes.measure(), "bare HTTP");
            Progress.say("ingest: bare HTTP, open loop at %.0f/s", bare.perSecond() / 2);
            bareLatency = load.openLoop(Math.max(1, bare.perSecond() / 2), sizes.warmUp(), sizes.measure());
        }

        Progress.say("ingest: feedback-ingest, closed loop, best of %s clients", clientCounts);
        HttpLoad.Throughput ingest;
        HttpLoad.Latency latency;
        try (IngestApp app = pipeline.startIngest()) {
            HttpLoad load = new HttpLoad(URI.create("http://localhost:" + app.port() + "/v1/feedback"), bodies);
            load.closedLoop(2, sizes.warmUp(), sizes.warmUp()); // producer connected, schema registered
            ingest = load.peak(sizes.clientCounts(), sizes.warmUp(), sizes.measure(), "feedback-ingest");
            double half = Math.max(1, ingest.perSecond() / 2);
            Progress.say("ingest: feedback-ingest, open loop at %.0f/s (half of saturation)", half);
            latency = load.openLoop(half, sizes.warmUp(), sizes.measure());
        }
        results.add(Result.of("ingest", "accepted feedback/s at saturation (best of " + clientCounts + " clients: "
                                + ingest.clients() + ")", ingest.perSecond(), "/s")
                .against("bare HTTP 202, same stack and tool (best: " + bare.clients() + " clients)", bare.perSecond())
                .goal(">= 50% of bare HTTP", ingest.perSecond() >= 0.5 * bare.perSecond()));
        String openLoop = String.format(Locale.ROOT, "open loop at %.0f/s", latency.achievedPerSecond());
        results.add(Result.of("ingest", "p50 latency, " + openLoop, latency.p50(), "ms")
                .against("bare HTTP p50 at half its saturation", bareLatency.p50()));
        results.add(Result.of("ingest", "p99 latency, " + openLoop, latency.p99(), "ms")
                .against("bare HTTP p99 at half its saturation", bareLatency.p99())
                .goal("<= 20 ms", latency.p99() <= 20));
        results.add(Result.of("ingest", "p99.9 latency, " + openLoop, latency.p999(), "ms")
                .against("bare HTTP p99.9 at half its saturation", bareLatency.p999()));
        if (ingest.failed() + latency.failed() > 0) {
            results.note(String.format(Locale.ROOT, "ingest: %d requests not accepted at saturation, %d in the open loop",
                    ingest.failed(), latency.failed()));
        }

        Progress.say("ingest: Kafka's own acks=all idempotent producer, same record size");
        KafkaClients clients = pipeline.clients();
        List<FeedbackReceived> sample = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            sample.add(FeedbackEvents.event("size", i, 1_000, java.time.Instant.now(), java.time.Duration.ZERO));
        }
        List<byte[]> values = clients.encoded(sample, Topics.FEEDBACK_RECEIVED);
        double meanSize = values.stream().mapToInt(value -> value.length).average().orElse(0);
        try (KafkaTopics topics = pipeline.topics()) {
            topics.create(PRODUCER_TOPIC, 3);
        }
        double producer = clients.producerThroughput(PRODUCER_TOPIC, values, sizes.measure());
        results.add(Result.of("ingest", String.format(Locale.ROOT,
                        "Kafka producer records/s (acks=all, idempotent, %.0f-byte values)", meanSize), producer, "/s")
                .against("feedback-ingest accepted/s", ingest.perSecond()));
        return ingest.perSecond();
    }
}
