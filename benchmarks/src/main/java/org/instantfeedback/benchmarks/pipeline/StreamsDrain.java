package org.instantfeedback.benchmarks.pipeline;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.CsatWindow;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.registry.SpecificAvroDeserializer;
import org.instantfeedback.streams.StreamsApp;

/**
 * Runs feedback-streams (the full topology) over what is in {@code feedback.received.v1} until its
 * group has committed every offset up to the end offsets, of the input and of its repartition
 * topics: the drain rate counts from {@code start()} (joining the group included) to the commit of
 * the last record.
 */
final class StreamsDrain {
    private static final Duration LONGEST = Duration.ofMinutes(40);

    /**
     * @param perSecond  input records per second
     * @param stateBytes size of the state directory once drained
     * @param heapBytes  heap used after a full GC with the app running, less the heap used before it was created
     * @param writtenByTopic   records (transaction markers included) added per input record to each topic
     *                         the run wrote (outputs, changelogs and repartition topics), the application
     *                         id left out of internal topics' names
     * @param csat       the last counts feedback.csat.v2 published of each window, by window key (when asked for)
     */
    record Drained(double perSecond, double seconds, long stateBytes, long heapBytes,
                   Map<String, Double> writtenByTopic, Map<String, CsatCounts> csat) {
        /** Records added to all topics per input record. */
        double writtenPerRecord() {
            return writtenByTopic.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** The topics most written to per input record, most first, as text for a results note. */
        String mostWritten(int topics) {
            return writtenByTopic.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(topics)
                    .map(topic -> String.format(Locale.ROOT, "%s %.2f", topic.getKey(), topic.getValue()))
                    .collect(Collectors.joining(", "));
        }
    }

    private StreamsDrain() {
    }

    static Drained run(Pipeline pipeline, String applicationId, long records, boolean readCsat,
                       String... overrides) throws Exception {
        long heapBefore = heapAfterGc();
        double seconds;
        long heap;
        Map<String, Long> writtenBefore;
        Map<String, Long> writtenAfter;
        Map<String, CsatCounts> csat;
        try (KafkaTopics topics = pipeline.topics(); StreamsApp app = pipeline.createStreams(applicationId, overrides)) {
            emptyWhatTheQueryStoresRead(topics);
            Map<TopicPartition, Long> csatBefore = topics.endOffsets(Topics.CSAT_V2);
            writtenBefore = topics.recordsByTopic();
            long start = System.nanoTime();
            app.start();
            awaitDrained(topics, applicationId, records, start, () -> app.state().toString());
            seconds = (System.nanoTime() - start) / 1e9;
            heap = heapAfterGc() - heapBefore;
            writtenAfter = topics.recordsByTopic();
            csat = readCsat ? publishedCsat(pipeline, csatBefore, topics.endOffsets(Topics.CSAT_V2)) : Map.of();
        }
        // Measured after close: closing flushes RocksDB's memtables, so the files hold all the state.
        long state = Pipeline.sizeOf(pipeline.stateDir(applicationId));
        Map<String, Double> byTopic = new TreeMap<>();
        writtenAfter.forEach((topic, after) -> {
            long written = after - writtenBefore.getOrDefault(topic, 0L);
            if (written > 0) {
                byTopic.put(topic.replace(applicationId + "-", ""), (double) written / records);
            }
        });
        return new Drained(records / seconds, seconds, state, heap, byTopic, csat);
    }

    /**
     * The query stores of a new application read feedback.metrics.v1 and feedback.alerts.v1 from
     * their start and restore feedback.metrics.latest.v1: without this, each drain took in the
     * outputs of every drain before it in the run (until 2026-12-07 the warm drain read the first
     * drain's metrics too, and its history store's changelog was counted at 1.31 writes per input
     * record instead of its own 0.58).
     */
    private static void emptyWhatTheQueryStoresRead(KafkaTopics topics) throws Exception {
        topics.empty(Topics.METRICS);
        topics.empty(Topics.ALERTS);
        topics.emptyCompacted(Topics.METRICS_LATEST);
    }

    /** Runs only the CSAT part of the topology (what the Flink peer does), under exactly-once; records per second. */
    static double runCsatOnly(Pipeline pipeline, String applicationId, long records) throws Exception {
        try (KafkaTopics topics = pipeline.topics(); CsatOnlyStreams streams = CsatOnlyStreams.create(pipeline, applicationId)) {
            long start = System.nanoTime();
            streams.start();
            awaitDrained(topics, applicationId, records, start, streams::state);
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void awaitDrained(KafkaTopics topics, String applicationId, long records, long start,
                                     java.util.function.Supplier<String> state) throws Exception {
        long lastReport = start;
        long lag = lag(topics, applicationId);
        while (lag > 0) {
            if (System.nanoTime() - start > LONGEST.toNanos()) {
                throw new IllegalStateException(applicationId + " did not drain within " + LONGEST + "; lag " + lag);
            }
            Thread.sleep(100);
            lag = lag(topics, applicationId);
            if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
                lastReport = System.nanoTime();
                Progress.say("  %s: %,d records to go, input and repartition topics (%s)", applicationId, lag,
                        state.get());
            }
        }
    }

    /**
     * What the application has still to read: of the input, and of its own repartition topics, so
     * the clock stops when the work behind a repartition (alerting) is done too, not when the
     * input's offsets are committed (the figures before 2026-12-06 evening stopped there). The
     * repartition topics are found by the application id they start with, so no application id of
     * a run may start with another's followed by "-" (the drain would wait for the other's topics).
     */
    private static long lag(KafkaTopics topics, String applicationId) throws Exception {
        long lag = topics.lag(applicationId, Topics.FEEDBACK_RECEIVED);
        for (String topic : topics.recordsByTopic().keySet()) {
            if (topic.startsWith(applicationId + "-") && topic.endsWith("-repartition")) {
                lag += topics.lag(applicationId, topic);
            }
        }
        return lag;
    }

    static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The counts of every CSAT window the run published on feedback.csat.v2 (between the offsets
     * before and after the run, read_committed), the last record per subject and window start. v2
     * publishes a subject's current window at each commit; the benchmark's events come in time order,
     * so the last record of a window holds what the window held when it was last current.
     */
    private static Map<String, CsatCounts> publishedCsat(Pipeline pipeline, Map<TopicPartition, Long> from,
                                                          Map<TopicPartition, Long> to) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, CsatCounts> windows = new HashMap<>();
        try (SpecificAvroDeserializer<CsatWindow> values = new SpecificAvroDeserializer<>(CsatWindow.class);
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                     new ByteArrayDeserializer())) {
            values.configure(Map.of(SchemaRegistrySettings.URL, pipeline.schemaRegistryUrl()), false);
            consumer.assign(to.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + LONGEST.toNanos();
            while (!reached(consumer, to) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    CsatWindow window = values.deserialize(record.topic(), record.value());
                    CsatCounts counts = new CsatCounts(window.getSubject(), window.getWindowStart().toEpochMilli(),
                            window.getRatedResponses(), window.getSatisfiedResponses(), window.getRatingSum());
                    windows.put(counts.windowKey(), counts);
                }
            }
        }
        return windows;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> to) {
        return to.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
