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
import org.instantfeedback.replies.ReplySenderMain;
import org.instantfeedback.streams.StreamsMain;

/**
 * A service as operators run it: its main class ({@link StreamsMain}, {@link ReplySenderMain}) in
 * its own JVM, configured by environment variables, here on the test's class path. It runs behind
 * {@link ParentWatchdog}, so it dies with the test JVM, and its output goes to a log file under
 * target. {@link #kill()} is SIGKILL: no shutdown hook, no last commit.
 */
final class ServiceProcess {
    private static final Path LOGS = Path.of("target", "fault-logs");

    private final String service;
    private final Process process;
    private final Path log;

    private ServiceProcess(String service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
    }

    /** feedback-streams ({@link StreamsMain}); its output goes to {@code target/fault-logs/<name>.log}. */
    static ServiceProcess streams(Map<String, String> env, String name) {
        return start("feedback-streams", StreamsMain.class, env, name);
    }

    /** The reply sender ({@link ReplySenderMain}); its output goes to {@code target/fault-logs/<name>.log}. */
    static ServiceProcess replySender(Map<String, String> env, String name) {
        return start("reply-sender", ReplySenderMain.class, env, name);
    }

    private static ServiceProcess start(String service, Class<?> mainClass, Map<String, String> env, String name) {
        try {
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    ParentWatchdog.class.getName(), mainClass.getName()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new ServiceProcess(service, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service + " in a child JVM", e);
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError(service + " (pid " + process.pid() + ") survived SIGKILL");
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
            throw new AssertionError(service + " (pid " + process.pid() + ") still ran after " + timeout);
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
