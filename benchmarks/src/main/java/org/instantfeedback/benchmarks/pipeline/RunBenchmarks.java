package org.instantfeedback.benchmarks.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the pipeline benchmarks (docs/performance.md) against a real KRaft broker and a real
 * schema registry started on this machine, prints progress and each figure next to its same-run
 * reference, and writes {@code results.md} and {@code results.json}.
 *
 * <pre>
 * ./benchmarks/run                      # everything, full sizes (about half an hour on 2 cores)
 * ./benchmarks/run --smoke              # seconds-long sizes: proves it works, figures mean nothing
 * ./benchmarks/run --only=ingest,e2e    # some of: ingest, streams, flink, e2e, scorer, model, scale
 * ./benchmarks/run --events=200000      # fewer pre-produced events for streams/flink (scale: half)
 * ./benchmarks/run --only=scorer,model  # the text scorer and its learned model only, no broker
 * </pre>
 */
public final class RunBenchmarks {
    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmarks: " + e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        Results results = run(options, "benchmarks/run " + String.join(" ", args));
        System.out.println();
        System.out.println("written: " + options.out().resolve("results.md") + " and results.json ("
                + results.rows().size() + " figures)");
        // The embedded broker and the Kafka clients leave non-daemon threads behind on some paths.
        System.exit(0);
    }

    /** Runs what the options select and writes the results; the figures are also returned. */
    static Results run(BenchmarkOptions options, String command) throws Exception {
        Machine machine = Machine.current();
        Results results = new Results(machine, command);
        Progress.say("machine: %s", machine.describe());
        Sizes sizes = options.sizes();
        if (options.runs("scorer")) {
            ScorerBenchmark.run(sizes, results);
            results.write(options.out());
        }
        if (options.runs("model")) {
            ModelBenchmark.run(sizes, results);
            results.write(options.out());
        }
        if (options.needsKafka()) {
            Path work = Files.createTempDirectory("instant-feedback-benchmarks");
            Progress.say("starting the Kafka broker and the schema registry (work directory %s)", work);
            try (Pipeline pipeline = Pipeline.start(work)) {
                // The lowest rate a stage of the pipeline sustained in this run: end to end needs its
                // background load below it, or queues (and latencies) only grow.
                double capacity = Double.NaN;
                if (options.runs("ingest")) {
                    capacity = IngestBenchmark.run(pipeline, sizes, results);
                    results.write(options.out());
                }
                if (options.runs("streams") || options.runs("flink")) {
                    double drain = StreamsBenchmark.run(pipeline, sizes, results, options.flinkModule(),
                            options.runs("flink"));
                    capacity = Double.isNaN(capacity) ? drain : Math.min(capacity, drain);
                    results.write(options.out());
                }
                if (options.runs("e2e")) {
                    EndToEndBenchmark.run(pipeline, sizes, results, capacity);
                    results.write(options.out());
                }
                if (options.runs("scale")) {
                    // The streams and flink items drain first and warm the JVM up; run alone, scale warms it itself.
                    StreamsBenchmark.scale(pipeline, sizes, results, options.runs("streams") || options.runs("flink"));
                    results.write(options.out());
                }
            } finally {
                Pipeline.delete(work);
            }
        }
        results.write(options.out());
        return results;
    }
}
