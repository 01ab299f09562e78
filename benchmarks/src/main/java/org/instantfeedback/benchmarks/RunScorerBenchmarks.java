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
 * 5 x 2 s measurement, pathological inputs 3 x 1 s and 5 x 1 s; about four minutes) and prints a
 * table: each figure, the model's cost (the shipped scorer against the lexicon alone on the same
 * texts), the goal of 100,000 texts/s per core, and the time of 10x the characters.
 *
 * <pre>
 * ./mvnw -pl text-scoring install -DskipTests &amp;&amp; ./mvnw -pl benchmarks package
 * java -jar benchmarks/target/benchmarks.jar            # JMH options may follow, e.g. -f 3 -i 10
 * java -jar benchmarks/target/benchmarks.jar 'scoreEnglishSms.*'   # only those the pattern names
 * </pre>
 */
public final class RunScorerBenchmarks {

    private RunScorerBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(commandLine);
        if (commandLine.getIncludes().isEmpty()) {
            // all of them, unless the command line names some (e.g. "cyrillicText|emoji")
            builder.include(TextScorerBenchmark.class.getName());
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println(table(results));
    }

    static String table(Collection<RunResult> results) {
        List<String> lines = new ArrayList<>();
        lines.add("| benchmark | input | result | per character |");
        lines.add("| --- | --- | ---: | ---: |");
        Map<String, Double> pathological = new TreeMap<>();
        Map<String, Double> sms = new TreeMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            String chars = result.getParams().getParam("chars");
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            String unit = result.getPrimaryResult().getScoreUnit();
            if (chars == null) {
                sms.put(name, score);
                lines.add(String.format(Locale.ROOT, "| %s | SMS corpus (%d texts) | %,.0f +- %,.0f texts/s |  |",
                        name, SmsCorpus.SIZE, score, error));
            } else {
                int length = Integer.parseInt(chars);
                pathological.put(name + "@" + length, score);
                lines.add(String.format(Locale.ROOT, "| %s | %,d chars | %,.1f %s | %.1f ns |",
                        name, length, score, unit, score * 1000.0 / length));
            }
        }
        Double withModel = sms.get("scoreEnglishSms");
        Double lexiconOnly = sms.get("scoreEnglishSmsLexiconOnly");
        if (withModel != null && lexiconOnly != null) {
            lines.add(String.format(Locale.ROOT, "| scoreEnglishSms / scoreEnglishSmsLexiconOnly | the model's cost "
                    + "| %.0f%% of the lexicon alone's rate |  |", 100 * withModel / lexiconOnly));
        }
        for (String name : List.of("scoreSms", "scoreEnglishSms")) {
            Double rate = sms.get(name);
            if (rate != null) {
                lines.add(String.format(Locale.ROOT, "| %s | goal >= 100,000 texts/s per core | %s |  |",
                        name, rate >= 100_000 ? "met" : "MISSED"));
            }
        }
        for (String name : List.of("emoji", "oneLongWord", "repeatedText", "cyrillicText")) {
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
