package org.instantfeedback.benchmarks.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.instantfeedback.config.Topics;

/**
 * Runs the Flink peer ({@code benchmarks-flink}'s {@code FlinkCsatJob}, the CSAT part alone, or
 * {@code FlinkFullJob}, the whole job) as a child JVM on that module's class path, since its Kafka
 * connector brings a kafka-clients of its own, and reads back its job time, the counts of every
 * CSAT window it closed and (the full job) the records it wrote to each output.
 */
final class FlinkPeer {
    private static final Pattern RESULT = Pattern.compile("flink-result windows=(\\d+) millis=(\\d+)");
    private static final Pattern OUTPUTS = Pattern.compile("flink-full-outputs (.*)");
    private static final String CSAT_JOB = "org.instantfeedback.benchmarks.flink.FlinkCsatJob";
    private static final String FULL_JOB = "org.instantfeedback.benchmarks.flink.FlinkFullJob";

    /**
     * The job time (MiniCluster start included), the counts by window key, and the committed
     * records by output (the full job's; empty for the CSAT job).
     */
    record Run(long millis, Map<String, CsatCounts> windows, Map<String, Long> outputs) {
    }

    private FlinkPeer() {
    }

    /** The job as Flink users write it: heap state, no checkpoints, each window emitted once when it closes. */
    static Run run(Path module, String bootstrapServers, Path output, int parallelism) throws IOException, InterruptedException {
        return run(module, CSAT_JOB, bootstrapServers, output, parallelism, List.of());
    }

    /**
     * The job with feedback-streams' promise: RocksDB state, exactly-once checkpoints every 100 ms,
     * changed windows published to {@code outputTopic} in transactions (see FlinkCsatJob).
     */
    static Run runDurable(Path module, String bootstrapServers, Path output, int parallelism, String outputTopic,
                          Path checkpoints) throws IOException, InterruptedException {
        return run(module, CSAT_JOB, bootstrapServers, output, parallelism,
                List.of("durable", outputTopic, checkpoints.toAbsolutePath().toString()));
    }

    /**
     * The whole job (dedupe, scoring, CSAT, rolling metrics, alerts) with feedback-streams' promise,
     * writing to the topics named from {@code topicPrefix} (see FlinkFullJob's OutputTopics; they
     * are created when missing); the CSAT windows' final counts come back as with the CSAT job.
     */
    static Run runFull(Path module, String bootstrapServers, Path output, int parallelism, String topicPrefix,
                       Path checkpoints) throws IOException, InterruptedException {
        return run(module, FULL_JOB, bootstrapServers, output, parallelism,
                List.of(topicPrefix, checkpoints.toAbsolutePath().toString()));
    }

    private static Run run(Path module, String job, String bootstrapServers, Path output, int parallelism,
                           List<String> mode) throws IOException, InterruptedException {
        Path classes = module.resolve("target/classes");
        Path classpathFile = module.resolve("target/classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("build the Flink peer first (./mvnw -pl benchmarks-flink package): no "
                    + classpathFile.toAbsolutePath());
        }
        String classpath = classes.toAbsolutePath() + java.io.File.pathSeparator + Files.readString(classpathFile).trim();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                // Avro loads only trusted classes by name; the event classes are plain generated records.
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.instantfeedback.events",
                // What Flink 2.x asks for on Java 17 (its config.yaml env.java.opts.all).
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "-cp", classpath, job, bootstrapServers, Topics.FEEDBACK_RECEIVED, output.toAbsolutePath().toString(),
                Integer.toString(parallelism)));
        command.addAll(mode);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        long millis = -1;
        Map<String, Long> outputs = new LinkedHashMap<>();
        List<String> tail = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher result = RESULT.matcher(line);
                if (result.find()) {
                    millis = Long.parseLong(result.group(2));
                }
                Matcher written = OUTPUTS.matcher(line);
                if (written.find()) {
                    for (String topic : written.group(1).trim().split(" ")) {
                        String[] records = topic.split("=");
                        outputs.put(records[0], Long.parseLong(records[1]));
                    }
                }
                tail.add(line);
                if (tail.size() > 40) {
                    tail.remove(0);
                }
            }
        }
        if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0 || millis < 0) {
            throw new IllegalStateException("the Flink job failed; its last output:\n" + String.join("\n", tail));
        }
        return new Run(millis, windows(output), outputs);
    }

    private static Map<String, CsatCounts> windows(Path output) throws IOException {
        Map<String, CsatCounts> windows = new HashMap<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            CsatCounts counts = new CsatCounts(fields[0], Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                    Long.parseLong(fields[3]), Long.parseLong(fields[4]));
            windows.put(counts.windowKey(), counts);
        }
        return windows;
    }
}
