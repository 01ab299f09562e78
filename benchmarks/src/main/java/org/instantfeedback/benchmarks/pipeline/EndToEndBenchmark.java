package org.instantfeedback.benchmarks.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.ingest.IngestApp;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.registry.SpecificAvroDeserializer;
import org.instantfeedback.streams.StreamsApp;

/**
 * Item 4: from feedback-ingest's 202 to the CSAT update on {@code feedback.csat.v2} (v1 off) and to the
 * alert on {@code feedback.alerts.v1}, each as a read_committed consumer sees it, while 1,000
 * feedback/s of background load flow through the same pipeline. Probes are urgent reports, each
 * for a subject of its own, so each opens an alert and updates a CSAT window nobody else touches.
 */
final class EndToEndBenchmark {
    private static final String PROBE_TEXT = "URGENT: man with a knife on the top deck of the bus";
    private static final double BACKGROUND_PER_SECOND = 1_000;
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(100);
    private static final Duration SETTLE = Duration.ofSeconds(10);
    /** The longest warm-up before measuring anyway (and saying so). */
    private static final Duration LONGEST_WARM_UP = Duration.ofMinutes(3);
    /** Caught up: no more than this much of the background load waits in the input topic. */
    private static final Duration CAUGHT_UP_BACKLOG = Duration.ofMillis(500);

    private EndToEndBenchmark() {
    }

    /**
     * @param capacity the lowest rate ingest or the topology sustained earlier in this run, or NaN:
     *                 the background load is capped at half of it, since above it the queue (and so
     *                 the latency) only grows
     */
    static void run(Pipeline pipeline, Sizes sizes, Results results, double capacity) throws Exception {
        double backgroundRate = Double.isNaN(capacity) ? BACKGROUND_PER_SECOND
                : Math.min(BACKGROUND_PER_SECOND, Math.max(1, capacity / 2));
        if (backgroundRate < BACKGROUND_PER_SECOND) {
            results.note(String.format(Locale.ROOT, "end to end: background load %.0f/s (half of the lowest rate ingest"
                    + " or the topology sustained in this run, %.0f/s) instead of %.0f/s", backgroundRate, capacity,
                    BACKGROUND_PER_SECOND));
        }
        try (KafkaTopics topics = pipeline.topics()) {
            topics.empty(Topics.FEEDBACK_RECEIVED);
        }
        String runId = letters((int) (System.currentTimeMillis() % 1_000_000_000L));
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        Map<String, Long> csatSeen = new ConcurrentHashMap<>();
        Map<String, Long> alertSeen = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        try (IngestApp ingest = pipeline.startIngest();
             StreamsApp streams = pipeline.createStreams(runId, "KAFKA_PROCESSING_GUARANTEE", "exactly_once_v2",
                     Pipeline.CSAT_V1_ENABLED, "false")) {
            streams.start();
            Thread csatReader = reader(pipeline, Topics.CSAT_V2, reading, (record, now) -> {
                if (record.key() != null) {
                    csatSeen.putIfAbsent(record.key(), now);
                }
            });
            SpecificAvroDeserializer<FeedbackAlert> alerts = new SpecificAvroDeserializer<>(FeedbackAlert.class);
            alerts.configure(Map.of(SchemaRegistrySettings.URL, pipeline.schemaRegistryUrl()), false);
            Thread alertReader = reader(pipeline, Topics.ALERTS, reading, (record, now) -> {
                FeedbackAlert alert = alerts.deserialize(record.topic(), record.value());
                if (alert != null) {
                    alertSeen.putIfAbsent(alert.getSubject(), now);
                }
            });
            URI uri = URI.create("http://localhost:" + ingest.port() + "/v1/feedback");
            HttpLoad load = new HttpLoad(uri, FeedbackEvents.httpBodies(2_000, 1_000));
            Progress.say("end to end: waiting for feedback-streams, then a warm-up until it keeps up");
            awaitRunning(streams);
            warmUp(pipeline, runId, load, backgroundRate, sizes.warmUp(), results);

            Progress.say("end to end: %.0f feedback/s background load for %s, a probe every %d ms",
                    backgroundRate, sizes.endToEnd(), PROBE_INTERVAL.toMillis());
            AtomicInteger sent = new AtomicInteger();
            Thread probes = new Thread(() -> probe(uri, runId, sizes.endToEnd(), accepted, sent), "e2e-probes");
            probes.start();
            HttpLoad.Latency background = load.openLoop(backgroundRate, Duration.ZERO, sizes.endToEnd());
            probes.join();
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (System.nanoTime() < deadline
                    && !(csatSeen.keySet().containsAll(accepted.keySet()) && alertSeen.keySet().containsAll(accepted.keySet()))) {
                Thread.sleep(50);
            }
            reading.set(false);
            csatReader.join();
            alertReader.join();
            alerts.close();
            record(results, "202 to CSAT update readable (read_committed)", accepted, csatSeen);
            record(results, "202 to alert readable (read_committed)", accepted, alertSeen);
            results.note(String.format(Locale.ROOT, "end to end: %d probes sent, %d accepted", sent.get(), accepted.size()));
            results.add(Result.of("end to end", "background load during the probes", background.achievedPerSecond(),
                    "feedback/s"));
            results.note(String.format(Locale.ROOT, "end to end: background achieved %.0f/s, its p99 %.1f ms, %d not accepted",
                    background.achievedPerSecond(), background.p99(), background.failed()));
        }
    }

    /**
     * Background load until feedback-streams keeps up with it: a freshly started instance first
     * works through a backlog (classes loaded and compiled, RocksDB opened, the first rebalances),
     * during which the latency of a probe says how long that took, not how fast the pipeline is.
     * Measured from this run: the note says how long it took. The load goes on in steps of
     * {@code step} and it keeps up once two steps in a row end with under half a second of backlog.
     */
    private static void warmUp(Pipeline pipeline, String applicationId, HttpLoad load, double rate, Duration step,
                               Results results) throws Exception {
        long start = System.nanoTime();
        long backlogLimit = (long) (rate * CAUGHT_UP_BACKLOG.toMillis() / 1000.0);
        int calmSteps = 0;
        long lag;
        try (KafkaTopics topics = pipeline.topics()) {
            do {
                load.openLoop(rate, Duration.ZERO, step);
                lag = topics.lag(applicationId, Topics.FEEDBACK_RECEIVED);
                calmSteps = lag <= backlogLimit ? calmSteps + 1 : 0;
                Progress.say("  warm-up: %,d feedback waiting for feedback-streams", lag);
            } while (calmSteps < 2 && System.nanoTime() - start < LONGEST_WARM_UP.toNanos());
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        results.note(calmSteps >= 2
                ? String.format(Locale.ROOT, "end to end: a fresh feedback-streams kept up with the background load"
                        + " after %d s of it (warm-up, not measured)", seconds)
                : String.format(Locale.ROOT, "end to end: feedback-streams had not caught up after %d s of background"
                        + " load (%,d feedback waiting); measured anyway", seconds, lag));
    }

    private static void record(Results results, String figure, Map<String, Long> accepted, Map<String, Long> seen) {
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        long missing = 0;
        for (Map.Entry<String, Long> probe : accepted.entrySet()) {
            Long at = seen.get(probe.getKey());
            if (at == null) {
                missing++;
            } else {
                histogram.recordValue(Math.max(0, Math.min(at - probe.getValue(), TimeUnit.MINUTES.toNanos(5))));
            }
        }
        double p99 = histogram.getValueAtPercentile(99) / 1e6;
        results.add(Result.of("end to end", figure + ", p50", histogram.getValueAtPercentile(50) / 1e6, "ms"));
        results.add(Result.of("end to end", figure + ", p99", p99, "ms")
                .goal("<= 500 ms", p99 <= 500 && missing == 0 && histogram.getTotalCount() > 0));
        results.note("end to end: " + figure + ", the slowest probe of every 5 s of the run, in ms: "
                + slowestPerSlice(accepted, seen, Duration.ofSeconds(5)));
        if (missing > 0 || histogram.getTotalCount() == 0) {
            results.note(String.format(Locale.ROOT, "end to end: %s: %d of %d probes never seen within %s",
                    figure, missing, accepted.size(), SETTLE));
        }
    }

    /** Shows whether slow probes cluster in time (a stall, a backlog draining) or are spread out. */
    private static String slowestPerSlice(Map<String, Long> accepted, Map<String, Long> seen, Duration slice) {
        long first = accepted.values().stream().mapToLong(Long::longValue).min().orElse(0);
        TreeMap<Long, Long> slowest = new TreeMap<>();
        accepted.forEach((probe, at) -> {
            Long seenAt = seen.get(probe);
            long latency = seenAt == null ? -1 : TimeUnit.NANOSECONDS.toMillis(seenAt - at);
            slowest.merge((at - first) / slice.toNanos(), latency, Math::max);
        });
        return slowest.values().stream().map(ms -> ms < 0 ? "never" : Long.toString(ms))
                .collect(Collectors.joining(" "));
    }

    private static void probe(URI uri, String runId, Duration duration, Map<String, Long> accepted,
                              AtomicInteger sent) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ObjectMapper json = new ObjectMapper();
        long end = System.nanoTime() + duration.toNanos();
        for (int i = 0; System.nanoTime() < end; i++) {
            // Letters only: a subject with a long run of digits looks like a phone number and is refused.
            String subject = "probe-" + runId + "-" + letters(i);
            sent.incrementAndGet();
            ObjectNode body = json.createObjectNode().put("subject", subject).put("rating", 1).put("comment", PROBE_TEXT);
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 202) {
                    accepted.put(subject, System.nanoTime());
                }
                Thread.sleep(PROBE_INTERVAL.toMillis());
            } catch (java.io.IOException e) {
                // not accepted: reported with the figures as sent but not accepted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String letters(int number) {
        StringBuilder letters = new StringBuilder();
        int rest = number;
        do {
            letters.append((char) ('a' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        return letters.toString();
    }

    interface OnRecord {
        void accept(ConsumerRecord<String, byte[]> record, long receivedNanos);
    }

    private static Thread reader(Pipeline pipeline, String topic, AtomicBoolean reading, OnRecord onRecord) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new org.apache.kafka.common.TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (reading.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                        onRecord.accept(record, System.nanoTime());
                    }
                }
            }
        }, "e2e-reader-" + topic);
        thread.start();
        return thread;
    }

    private static void awaitRunning(StreamsApp streams) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (streams.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("feedback-streams did not reach RUNNING: " + streams.state());
            }
            Thread.sleep(100);
        }
    }
}
