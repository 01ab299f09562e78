package org.instantfeedback.benchmarks.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The runner's command line: {@code [--smoke] [--only=ingest,streams,flink,e2e,scorer,model,scale]
 * [--events=N] [--examples=N] [--out=DIR] [--flink-module=DIR]}.
 */
record BenchmarkOptions(boolean smoke, Set<String> only, Long events, Integer examples, Path out, Path flinkModule) {
    private static final List<String> ITEMS = List.of("ingest", "streams", "flink", "e2e", "scorer", "model", "scale");
    /** Items that run without the broker and the schema registry, before they start. */
    private static final Set<String> WITHOUT_KAFKA = Set.of("scorer", "model");
    static final String USAGE = "usage: benchmarks/run [--smoke] [--only=" + String.join(",", ITEMS)
            + "] [--events=N] [--examples=N] [--out=DIR] [--flink-module=DIR]";

    static BenchmarkOptions parse(String... args) {
        boolean smoke = false;
        Set<String> only = new LinkedHashSet<>(ITEMS);
        Long events = null;
        Integer examples = null;
        Path out = Path.of("benchmarks", "results");
        Path flink = Path.of("benchmarks-flink");
        for (String arg : args) {
            if (arg.equals("--smoke")) {
                smoke = true;
            } else if (arg.startsWith("--only=")) {
                only = new LinkedHashSet<>(List.of(arg.substring("--only=".length()).split(",")));
                for (String item : only) {
                    if (!ITEMS.contains(item)) {
                        throw new IllegalArgumentException("unknown benchmark '" + item + "'; known: " + ITEMS);
                    }
                }
            } else if (arg.startsWith("--events=")) {
                events = Long.parseLong(arg.substring("--events=".length()).replace("_", "").replace(",", ""));
            } else if (arg.startsWith("--examples=")) {
                examples = Integer.parseInt(arg.substring("--examples=".length()).replace("_", "").replace(",", ""));
                if (examples < 100) {
                    throw new IllegalArgumentException("--examples must be at least 100, got " + examples);
                }
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring("--out=".length()));
            } else if (arg.startsWith("--flink-module=")) {
                flink = Path.of(arg.substring("--flink-module=".length()));
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new BenchmarkOptions(smoke, only, events, examples, out, flink);
    }

    Sizes sizes() {
        Sizes sizes = smoke ? Sizes.SMOKE : Sizes.FULL;
        sizes = events == null ? sizes : sizes.withStreamEvents(events);
        return examples == null ? sizes : sizes.withTrainingExamples(examples);
    }

    /** Whether any selected item needs the broker and the schema registry. */
    boolean needsKafka() {
        return only.stream().anyMatch(item -> !WITHOUT_KAFKA.contains(item));
    }

    boolean runs(String item) {
        return only.contains(item);
    }
}
