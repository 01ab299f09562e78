package org.instantfeedback.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TextScorerBenchmark} with short defaults (1 fork; throughput 5 x 2 s warm-up and
 * 5 x 2 s measurement, pathological inputs 3 x 1 s and 5 x 1 s; under three minutes) and prints a
 * table.
 *
 * <pre>
 * ./mvnw -pl text-scoring install -DskipTests &amp;&amp; ./mvnw -pl benchmarks package
 * java -jar benchmarks/target/benchmarks.jar            # JMH options may follow, e.g. -f 3 -i 10
 * </pre>
 */
public final class RunScorerBenchmarks {

    private RunScorerBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(TextScorerBenchmark.class.getName())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println(table(results));
    }

    static String table(Collection<RunResult> results) {
        List<String> lines = new ArrayList<>();
        lines.add("| benchmark | input | result | per character |");
        lines.add("| --- | --- | ---: | ---: |");
        Map<String, Double> pathological = new TreeMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            String chars = result.getParams().getParam("chars");
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            String unit = result.getPrimaryResult().getScoreUnit();
            if (chars == null) {
                lines.add(String.format(Locale.ROOT, "| %s | SMS corpus (%d texts) | %,.0f +- %,.0f texts/s |  |",
                        name, SmsCorpus.SIZE, score, error));
            } else {
                int length = Integer.parseInt(chars);
                pathological.put(name + "@" + length, score);
                lines.add(String.format(Locale.ROOT, "| %s | %,d chars | %,.1f %s | %.1f ns |",
                        name, length, score, unit, score * 1000.0 / length));
            }
        }
        for (String name : List.of("emoji", "oneLongWord", "repeatedText")) {
            Double small = pathological.get(name + "@1000");
            Double large = pathological.get(name + "@10000");
            if (small != null && large != null) {
                lines.add(String.format(Locale.ROOT, "| %s | 10x the characters | %.1fx the time |  |",
                        name, large / small));
            }
        }
        return String.join(System.lineSeparator(), lines);
    }
}
