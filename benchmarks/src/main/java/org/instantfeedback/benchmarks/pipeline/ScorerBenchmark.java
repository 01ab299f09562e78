package org.instantfeedback.benchmarks.pipeline;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.instantfeedback.benchmarks.TextScorerBenchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Item 5: the text scorer's JMH figures, texts per second on one thread, each next to its same-run
 * reference: {@link TextScorerBenchmark#scoreSms} (as shipped, with the model) next to lower-casing
 * and splitting the same texts, and {@link TextScorerBenchmark#scoreEnglishSms} (every text read by
 * the model) next to the same texts read by the lexicon alone. The full run forks one JVM as the
 * benchmark's own settings say; the smoke run stays in this JVM.
 */
final class ScorerBenchmark {
    /** The goal for the scorer with the model on, one thread, SMS-length texts. */
    private static final double GOAL_TEXTS_PER_SECOND = 100_000;

    private ScorerBenchmark() {
    }

    static void run(Sizes sizes, Results results) throws Exception {
        Progress.say("scorer: JMH TextScorerBenchmark.scoreSms, scoreEnglishSms and their references");
        boolean full = sizes.full();
        Options options = new OptionsBuilder()
                .include(TextScorerBenchmark.class.getName()
                        + "\\.(scoreSms|referenceLowerCaseAndSplit|scoreEnglishSms|scoreEnglishSmsLexiconOnly)$")
                .forks(full ? 1 : 0)
                .warmupIterations(full ? 3 : 0)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(full ? 5 : 1)
                .measurementTime(full ? TimeValue.seconds(2) : TimeValue.milliseconds(300))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> runs = new Runner(options).run();
        Map<String, Double> scores = new HashMap<>();
        for (RunResult run : runs) {
            scores.put(run.getParams().getBenchmark().replaceAll(".*\\.", ""), run.getPrimaryResult().getScore());
        }
        double sms = scores.getOrDefault("scoreSms", Double.NaN);
        double english = scores.getOrDefault("scoreEnglishSms", Double.NaN);
        results.add(Result.of("scorer", "TextScorer on passenger SMS, one thread", sms, "texts/s")
                .against("toLowerCase + split of the same texts", scores.getOrDefault("referenceLowerCaseAndSplit", Double.NaN))
                .goal(">= 100,000 texts/s", sms >= GOAL_TEXTS_PER_SECOND));
        results.add(Result.of("scorer", "TextScorer with the model on English SMS (all read by the model), one thread",
                        english, "texts/s")
                .against("the lexicon alone (withoutModel) on the same texts",
                        scores.getOrDefault("scoreEnglishSmsLexiconOnly", Double.NaN))
                .goal(">= 100,000 texts/s", english >= GOAL_TEXTS_PER_SECOND));
    }
}
