package org.instantfeedback.benchmarks.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.instantfeedback.config.Topics;

/**
 * Items 2, 3 and 6: the full topology draining pre-produced events under exactly_once_v2 and
 * at_least_once next to a plain consumer reading the same topic; the Flink peer (the CSAT job
 * against the CSAT-only part of our topology, the whole job against our full topology) on the same
 * events, with a check that both reach the same CSAT figures; and the cost of more subjects.
 */
final class StreamsBenchmark {
    /** Event time of the first pre-produced event; the events fill the hour after it. */
    private static final Instant EVENTS_START = Instant.parse("2026-01-05T06:00:00Z");
    private static final Duration EVENTS_SPAN = Duration.ofHours(1);
    private static final double MB = 1024.0 * 1024;

    private StreamsBenchmark() {
    }

    /** Runs items 2 and 3; returns the full topology's exactly-once drain rate. */
    static double run(Pipeline pipeline, Sizes sizes, Results results, Path flinkModule, boolean withFlink)
            throws Exception {
        long events = sizes.streamEvents();
        int subjects = sizes.subjects();
        Duration step = EVENTS_SPAN.dividedBy(events);
        String runId = "streams-" + System.currentTimeMillis();

        Map<TopicPartition, Long> start;
        Map<TopicPartition, Long> end;
        try (KafkaTopics topics = pipeline.topics()) {
            topics.empty(Topics.FEEDBACK_RECEIVED);
            Progress.say("streams: writing %,d events over %,d subjects to %s", events, subjects, Topics.FEEDBACK_RECEIVED);
            double size = pipeline.clients().produceEvents(Topics.FEEDBACK_RECEIVED, runId, events, subjects,
                    EVENTS_START, step, written -> Progress.say("  %,d written", written));
            start = topics.startOffsets(Topics.FEEDBACK_RECEIVED);
            end = topics.endOffsets(Topics.FEEDBACK_RECEIVED);
            results.note(String.format(Locale.ROOT, "streams: %,d events over %,d subjects, %.0f bytes each on average,"
                    + " event times spread over %s; 3 partitions, 2 stream threads; feedback.csat.v1 off (CSAT_V1_ENABLED=false)"
                    + " unless a row says otherwise", events, subjects, size, EVENTS_SPAN));
        }

        Progress.say("streams: reference, one plain consumer reading the topic (read_committed)");
        double consume = pipeline.clients().consumerThroughput(Topics.FEEDBACK_RECEIVED, start, end);
        results.add(Result.of("streams", "raw consume, one consumer", consume, "records/s"));

        // The first topology in this JVM runs while the JIT compiles its code (and the broker's):
        // in a JFR profile of 2026-12-06 the compiler threads took 27% of the machine during this
        // drain and 4% two drains later. That drain is measured as the like-for-like peer of the
        // Flink jobs, each of which starts in a JVM of its own; the figures of the topology itself
        // come from the same drain repeated in the warm JVM.
        Progress.say("streams: full topology under exactly_once_v2, the first drain in this JVM (the JIT compiling)");
        StreamsDrain.Drained cold = StreamsDrain.run(pipeline, runId + "-cold", events, false,
                "KAFKA_PROCESSING_GUARANTEE", "exactly_once_v2", Pipeline.CSAT_V1_ENABLED, "false");
        results.add(Result.of("streams", "full topology, exactly_once_v2, first drain in this JVM", cold.perSecond(),
                "records/s").against("raw consume", consume));
        Pipeline.delete(pipeline.stateDir(runId + "-cold"));

        Progress.say("streams: full topology under exactly_once_v2, warm JVM");
        StreamsDrain.Drained eos = StreamsDrain.run(pipeline, runId + "-eos", events, withFlink,
                "KAFKA_PROCESSING_GUARANTEE", "exactly_once_v2", Pipeline.CSAT_V1_ENABLED, "false");
        results.add(Result.of("streams", "full topology, exactly_once_v2, drain", eos.perSecond(), "records/s")
                .against("raw consume", consume)
                .goal(">= 10% of raw consume", eos.perSecond() >= 0.10 * consume));
        results.add(Result.of("streams", "records written (outputs, changelogs, repartitions, markers) per input record",
                eos.writtenPerRecord(), "records")
                .goal("<= 3", eos.writtenPerRecord() <= 3));
        results.note("streams: records written per input record under exactly_once_v2, most written topics: "
                + eos.mostWritten(8));
        results.add(Result.of("streams", "state directory after the exactly-once drain", eos.stateBytes() / MB, "MiB"));
        results.add(Result.of("streams", "heap after full GC, app running (less heap before it)", eos.heapBytes() / MB, "MiB"));

        Progress.say("streams: full topology under at_least_once");
        StreamsDrain.Drained alos = StreamsDrain.run(pipeline, runId + "-alos", events, withFlink,
                "KAFKA_PROCESSING_GUARANTEE", "at_least_once", Pipeline.CSAT_V1_ENABLED, "false");
        results.add(Result.of("streams", "full topology, at_least_once, drain", alos.perSecond(), "records/s")
                .against("raw consume", consume));
        Pipeline.delete(pipeline.stateDir(runId + "-alos"));

        if (sizes.full()) {
            Progress.say("streams: full topology under exactly_once_v2 without the record cache (every update published)");
            drainVariant(pipeline, results, consume, runId + "-eos-no-cache", events, "no record cache",
                    "without the record cache", "KAFKA_STATESTORE_CACHE_MAX_BYTES", "0");
            // feedback.csat.v1 is deprecated but still this release's default: each response lands in
            // size/advance hopping windows, each written to their store's changelog and to the topic.
            Progress.say("streams: full topology under exactly_once_v2, feedback.csat.v1 still produced (the default)");
            drainVariant(pipeline, results, consume, runId + "-eos-v1", events, "feedback.csat.v1 still produced",
                    "with feedback.csat.v1 still produced", Pipeline.CSAT_V1_ENABLED, "true");
        }

        if (!withFlink) {
            return eos.perSecond();
        }
        Progress.say("flink: the CSAT part of our topology alone, exactly_once_v2");
        double csatOnly = StreamsDrain.runCsatOnly(pipeline, runId + "-csat-only", events);
        Progress.say("flink: the Flink peer in a local MiniCluster (parallelism 2)");
        FlinkPeer.Run flink = FlinkPeer.run(flinkModule, pipeline.bootstrapServers(),
                pipeline.workDir().resolve(runId + "-flink-csat.tsv"), 2);
        double flinkRate = events / (flink.millis() / 1000.0);
        results.add(Result.of("flink", "Flink CSAT job (MiniCluster, parallelism 2, bounded read, emits each window at its close)",
                flinkRate, "records/s"));
        results.add(Result.of("flink", "our CSAT-only topology, exactly_once_v2", csatOnly, "records/s")
                .against("Flink CSAT job", flinkRate)
                .goal("ahead of Flink", csatOnly > flinkRate));
        results.add(Result.of("flink", "our full topology, exactly_once_v2 (scoring, alerts too), first drain in its JVM",
                        cold.perSecond(), "records/s")
                .against("Flink CSAT job", flinkRate));
        compareFigures(results, eos.csat(), flink.windows(), "exactly_once_v2", "Flink's");
        compareFigures(results, alos.csat(), flink.windows(), "at_least_once", "Flink's");

        // The pair above does not do the same work: Flink emits each window once, at its close,
        // from heap state, and promises nothing across a crash. This one keeps ours' promise.
        Progress.say("flink: the Flink peer with feedback-streams' promise (RocksDB, exactly-once checkpoints every"
                + " 100 ms, changed windows to Kafka in transactions)");
        String flinkOutput = "benchmarks.flink-csat." + runId;
        try (KafkaTopics topics = pipeline.topics()) {
            topics.create(flinkOutput, 3);
        }
        FlinkPeer.Run durable = FlinkPeer.runDurable(flinkModule, pipeline.bootstrapServers(),
                pipeline.workDir().resolve(runId + "-flink-csat-durable.tsv"), 2, flinkOutput,
                pipeline.workDir().resolve(runId + "-flink-checkpoints"));
        double durableRate = events / (durable.millis() / 1000.0);
        results.add(Result.of("flink", "Flink CSAT job with our promise (RocksDB, exactly-once checkpoints every 100 ms,"
                + " changed windows to Kafka in transactions)", durableRate, "records/s"));
        results.add(Result.of("flink", "our CSAT-only topology, exactly_once_v2, against Flink with the same promise",
                        csatOnly, "records/s")
                .against("Flink with our promise", durableRate)
                .goal("ahead of Flink", csatOnly > durableRate));
        compareFigures(results, eos.csat(), durable.windows(), "exactly_once_v2", "Flink's with our promise");

        // Like for like: the whole job (dedupe, scoring, CSAT, rolling metrics, alerts) on Flink with
        // the same promise, against our full topology's exactly-once drain of the same events above.
        Progress.say("flink: the whole job on Flink with feedback-streams' promise (dedupe, scoring, CSAT, metrics,"
                + " alerts; RocksDB, exactly-once checkpoints every 100 ms, outputs to Kafka in transactions)");
        FlinkPeer.Run full = FlinkPeer.runFull(flinkModule, pipeline.bootstrapServers(),
                pipeline.workDir().resolve(runId + "-flink-full-csat.tsv"), 2, "benchmarks.flink-full." + runId,
                pipeline.workDir().resolve(runId + "-flink-full-checkpoints"));
        double fullRate = events / (full.millis() / 1000.0);
        results.add(Result.of("flink", "Flink full job with our promise (dedupe, scoring, CSAT, metrics, alerts; RocksDB,"
                + " exactly-once checkpoints every 100 ms, outputs to Kafka in transactions)", fullRate, "records/s"));
        // Each Flink job starts in a fresh JVM, so the peer is the first drain in ours.
        results.add(Result.of("flink", "our full topology, exactly_once_v2, first drain in its JVM, against Flink doing"
                        + " the whole job with the same promise", cold.perSecond(), "records/s")
                .against("Flink full job with our promise", fullRate)
                .goal("ahead of Flink", cold.perSecond() > fullRate));
        results.add(Result.of("flink", "our full topology, exactly_once_v2, warm JVM, against the same", eos.perSecond(),
                        "records/s")
                .against("Flink full job with our promise", fullRate));
        results.note("flink: records the Flink full job wrote per input record, by output: " + perRecord(full.outputs(),
                events));
        compareFigures(results, eos.csat(), full.windows(), "exactly_once_v2", "the Flink full job's");
        return eos.perSecond();
    }

    private static String perRecord(Map<String, Long> outputs, long events) {
        List<String> written = new ArrayList<>();
        outputs.forEach((output, records) -> written.add(String.format(Locale.ROOT, "%s %.2f", output,
                (double) records / events)));
        return String.join(", ", written);
    }

    /** The exactly-once drain with one setting changed: its rate and its writes per input record. */
    private static void drainVariant(Pipeline pipeline, Results results, double consume, String applicationId,
                                     long events, String label, String writesLabel, String setting, String value)
            throws Exception {
        StreamsDrain.Drained drained = StreamsDrain.run(pipeline, applicationId, events, false,
                "KAFKA_PROCESSING_GUARANTEE", "exactly_once_v2", Pipeline.CSAT_V1_ENABLED, "false", setting, value);
        results.add(Result.of("streams", "full topology, exactly_once_v2, " + label + " (" + setting + "=" + value
                        + "), drain", drained.perSecond(), "records/s")
                .against("raw consume", consume));
        results.add(Result.of("streams", "records written per input record, " + writesLabel,
                drained.writtenPerRecord(), "records"));
        results.note("streams: " + writesLabel + ", most written topics: " + drained.mostWritten(8));
        Pipeline.delete(pipeline.stateDir(applicationId));
    }

    private static void compareFigures(Results results, Map<String, CsatCounts> ours, Map<String, CsatCounts> flink,
                                       String guarantee, String peer) {
        // feedback.csat.v2 publishes, per commit, the window ending with each changed slice of a
        // subject; the events come in time order, so the last record of every window it published
        // holds everything the window holds. Windows without a rating in their last minute are not
        // published (the query API has them): the windows compared are those it published.
        Set<String> windows = new TreeSet<>(ours.keySet());
        long equal = 0;
        List<String> different = new ArrayList<>();
        for (String window : windows) {
            CsatCounts mine = ours.get(window);
            CsatCounts theirs = flink.get(window);
            if (Objects.equals(mine, theirs)) {
                equal++;
            } else if (different.size() < 3) {
                different.add(mine + " vs " + theirs);
            }
        }
        results.add(Result.of("flink", "CSAT windows (" + guarantee + ") whose last feedback.csat.v2 counts equal the"
                        + " final counts of " + peer, equal, "windows")
                .against("windows feedback.csat.v2 published", windows.size())
                .goal("all equal", equal == windows.size() && !windows.isEmpty()));
        results.note(String.format(Locale.ROOT, "flink: %s published %,d windows on feedback.csat.v2, %s %,d",
                guarantee, windows.size(), peer, flink.size()));
        if (!different.isEmpty()) {
            results.note("flink: first differences (" + guarantee + "), ours vs " + peer + ": " + String.join("; ", different));
        }
    }

    /** Item 6: the same drain with ever more subjects; per-subject cost from the state size. */
    /**
     * The full topology at each number of subjects, against the first (1,000 subjects).
     *
     * @param jvmWarm whether drains ran before in this JVM; if not, one unreported drain of the
     *                first size comes first, so the first size is not the only one measured while the
     *                JIT compiles (run alone on 2026-12-07, the rates rose 1,756 / 2,367 / 2,998
     *                records/s from 1,000 to 100,000 subjects with the JVM warming up, not with the
     *                subjects)
     */
    static void scale(Pipeline pipeline, Sizes sizes, Results results, boolean jvmWarm) throws Exception {
        long events = sizes.scaleEvents();
        int[] sizesOfSubjects = sizes.scaleSubjects();
        if (!jvmWarm) {
            Progress.say("scale: one drain to warm the JVM up, not measured");
            drainSubjects(pipeline, events, sizesOfSubjects[0]);
        }
        double reference = Double.NaN;
        for (int subjects : sizesOfSubjects) {
            StreamsDrain.Drained drained = drainSubjects(pipeline, events, subjects);
            String label = String.format(Locale.ROOT, "%,d subjects", subjects);
            Result rate = Result.of("scale", label + ": full topology, exactly_once_v2", drained.perSecond(), "records/s");
            if (Double.isNaN(reference)) {
                reference = drained.perSecond();
                results.add(rate);
            } else {
                String first = String.format(Locale.ROOT, "%,d subjects", sizesOfSubjects[0]);
                results.add(rate.against(first, reference)
                        .goal("no lower rate than " + first, drained.perSecond() >= reference));
            }
            results.add(Result.of("scale", label + ": state directory", drained.stateBytes() / MB, "MiB"));
            results.add(Result.of("scale", label + ": state per subject", drained.stateBytes() / 1024.0 / subjects, "KiB"));
            results.add(Result.of("scale", label + ": heap after full GC (less heap before)", drained.heapBytes() / MB, "MiB"));
        }
    }

    /** Writes {@code events} over {@code subjects} to the emptied input and drains them under exactly-once. */
    private static StreamsDrain.Drained drainSubjects(Pipeline pipeline, long events, int subjects) throws Exception {
        String runId = "scale-" + subjects + "-" + System.currentTimeMillis();
        try (KafkaTopics topics = pipeline.topics()) {
            topics.empty(Topics.FEEDBACK_RECEIVED);
            Progress.say("scale: %,d events over %,d subjects", events, subjects);
            pipeline.clients().produceEvents(Topics.FEEDBACK_RECEIVED, runId, events, subjects, EVENTS_START,
                    EVENTS_SPAN.dividedBy(events), written -> { });
        }
        StreamsDrain.Drained drained = StreamsDrain.run(pipeline, runId, events, false,
                "KAFKA_PROCESSING_GUARANTEE", "exactly_once_v2", Pipeline.CSAT_V1_ENABLED, "false");
        Pipeline.delete(pipeline.stateDir(runId));
        return drained;
    }
}
