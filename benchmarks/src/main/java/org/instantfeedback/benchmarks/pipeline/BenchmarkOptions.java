package org.instantfeedback.benchmarks.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The runner's command line: {@code [--smoke] [--only=ingest,streams,flink,e2e,scorer,scale]
 * [--events=N] [--out=DIR] [--flink-module=DIR]}.
 */
record BenchmarkOptions(boolean smoke, Set<String> only, Long events, Path out, Path flinkModule) {
    static final List<String> ITEMS = List.of("ingest", "streams", "flink", "e2e", "scorer", "scale");
    static final String USAGE = "usage: benchmarks/run [--smoke] [--only=" + String.join(",", ITEMS)
            + "] [--events=N] [--out=DIR] [--flink-module=DIR]";

    static BenchmarkOptions parse(String... args) {
        boolean smoke = false;
        Set<String> only = new LinkedHashSet<>(ITEMS);
        Long events = null;
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
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring("--out=".length()));
            } else if (arg.startsWith("--flink-module=")) {
                flink = Path.of(arg.substring("--flink-module=".length()));
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new BenchmarkOptions(smoke, only, events, out, flink);
    }

    Sizes sizes() {
        Sizes sizes = smoke ? Sizes.SMOKE : Sizes.FULL;
        return events == null ? sizes : sizes.withStreamEvents(events);
    }

    boolean runs(String item) {
        return only.contains(item);
    }
}
