package org.instantfeedback.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.instantfeedback.embedded.ParentWatchdog;
import org.instantfeedback.streams.StreamsMain;

/**
 * feedback-streams as operators run it: {@link StreamsMain} in its own JVM, configured by
 * environment variables, here on the test's class path. It runs behind {@link ParentWatchdog}, so
 * it dies with the test JVM, and its output goes to a log file under target. {@link #kill()} is
 * SIGKILL: no shutdown hook, no last commit.
 */
final class StreamsChildProcess {
    private static final Path LOGS = Path.of("target", "fault-logs");

    private final Process process;
    private final Path log;

    private StreamsChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static StreamsChildProcess start(Map<String, String> env, String name) {
        try {
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    ParentWatchdog.class.getName(), StreamsMain.class.getName()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new StreamsChildProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start feedback-streams in a child JVM", e);
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("feedback-streams (pid " + process.pid() + ") survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, as an orchestrator stops it; kills it if it is still there after the close timeout. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(45, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the process to end by itself and gives its exit status. */
    int exitStatusWithin(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("feedback-streams (pid " + process.pid() + ") still ran after " + timeout);
        }
        return process.exitValue();
    }

    /** Everything the process printed so far. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }
}
