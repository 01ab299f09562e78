package org.instantfeedback.benchmarks.pipeline;

import java.util.Collection;
import org.instantfeedback.benchmarks.TextScorerBenchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Item 5: the text scorer's JMH figure ({@link TextScorerBenchmark#scoreSms}, texts per second on
 * one thread) next to its same-run reference (lower-casing and splitting the same texts). The
 * full run forks one JVM as the benchmark's own settings say; the smoke run stays in this JVM.
 */
final class ScorerBenchmark {
    private ScorerBenchmark() {
    }

    static void run(Sizes sizes, Results results) throws Exception {
        Progress.say("scorer: JMH TextScorerBenchmark.scoreSms and its reference");
        boolean full = sizes.full();
        Options options = new OptionsBuilder()
                .include(TextScorerBenchmark.class.getName() + "\\.(scoreSms|referenceLowerCaseAndSplit)$")
                .forks(full ? 1 : 0)
                .warmupIterations(full ? 3 : 0)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(full ? 5 : 1)
                .measurementTime(full ? TimeValue.seconds(2) : TimeValue.milliseconds(300))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> runs = new Runner(options).run();
        double scorer = Double.NaN;
        double reference = Double.NaN;
        for (RunResult run : runs) {
            String name = run.getParams().getBenchmark();
            double score = run.getPrimaryResult().getScore();
            if (name.endsWith("scoreSms")) {
                scorer = score;
            } else {
                reference = score;
            }
        }
        results.add(Result.of("scorer", "TextScorer on passenger SMS, one thread", scorer, "texts/s")
                .against("toLowerCase + split of the same texts", reference));
    }
}
