package org.instantfeedback.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real schema registry with the Confluent REST API, for tests and the local run: Apicurio Registry
 * (in-memory storage) in a child JVM that dies with this one, even on SIGKILL (see
 * {@link ParentWatchdog}). Schema clients use {@link #url()} as {@code schema.registry.url}.
 *
 * <pre>{@code
 * try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
 *     serdeConfig.put("schema.registry.url", registry.url());
 * }
 * }</pre>
 *
 * <p>Start-up takes roughly 8 to 25 seconds, depending on how busy the machine is, so share one
 * instance where you can. The child's output goes to {@link #logFile()}.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    /** How long {@link #start()} waits for the registry to answer before giving up. */
    private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final String CONFLUENT_API = "/apis/ccompat/v7";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_LINES_IN_ERRORS = 30;
    private static final int ATTEMPTS_WITH_OS_CHOSEN_PORT = 3;

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Thread shutdownHook;
    private boolean closed;

    private EmbeddedSchemaRegistry(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.shutdownHook = new Thread(() -> ChildJvm.stop(process), "embedded-schema-registry-shutdown");
    }

    /** Starts a registry on a free port chosen by the operating system. */
    public static EmbeddedSchemaRegistry start() {
        return start(0);
    }

    /** Starts a registry on {@code port} (0: a free port chosen by the operating system). */
    public static EmbeddedSchemaRegistry start(int port) {
        return start(port, DEFAULT_STARTUP_TIMEOUT);
    }

    /** Starts a registry on {@code port} (0: any free port), waiting at most {@code startupTimeout}. */
    public static EmbeddedSchemaRegistry start(int port, Duration startupTimeout) {
        return start(ApicurioDistribution.locate(), port, startupTimeout);
    }

    static EmbeddedSchemaRegistry start(ApicurioDistribution distribution, int port, Duration startupTimeout) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Registry port must be between 0 and 65535, was " + port);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return startOn(port == 0 ? FreePort.find() : port, distribution, startupTimeout);
            } catch (PortTakenException e) {
                // A free port found by probing can be taken by someone else before the child binds it.
                if (port != 0 || attempt == ATTEMPTS_WITH_OS_CHOSEN_PORT) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                log.debug("Port {} was taken meanwhile; trying another", e.port);
            }
        }
    }

    /** The Confluent-compatible API, e.g. {@code http://127.0.0.1:38081/apis/ccompat/v7}. */
    public String url() {
        return "http://127.0.0.1:" + port + CONFLUENT_API;
    }

    public int port() {
        return port;
    }

    /** Where the registry's own output goes (deleted on {@link #close()}). */
    public Path logFile() {
        return logFile;
    }

    /** Whether the registry process is still alive. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops the registry process and deletes its log. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ChildJvm.stop(process);
        removeShutdownHook();
        deleteLog();
        log.info("Schema registry at {} stopped", url());
    }

    private static EmbeddedSchemaRegistry startOn(int port, ApicurioDistribution distribution, Duration timeout) {
        // Checked up front: another registry on that port would answer our readiness probe.
        if (!FreePort.isFree(port)) {
            throw new PortTakenException(port, "Port " + port + " for the schema registry is in use");
        }
        long startedAt = System.nanoTime();
        EmbeddedSchemaRegistry registry = launch(port, distribution);
        try {
            registry.awaitReady(startedAt + timeout.toNanos());
        } catch (RuntimeException e) {
            registry.stopAfterFailedStart();
            throw e;
        }
        log.info("Schema registry ready at {} after {} ms (log: {})", registry.url(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), registry.logFile);
        return registry;
    }

    private static EmbeddedSchemaRegistry launch(int port, ApicurioDistribution distribution) {
        try {
            Path logFile = Files.createTempFile("apicurio-registry-" + port + "-", ".log");
            Process process = ChildJvm.launch(jvmOptions(port), List.of(distribution.runnerJar()),
                    distribution.mainClass(), List.of(), logFile);
            EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(process, port, logFile);
            Runtime.getRuntime().addShutdownHook(registry.shutdownHook);
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the schema registry process", e);
        }
    }

    private static List<String> jvmOptions(int port) {
        return List.of(
                "-Xmx256m",
                // Start-up time matters more than peak speed for a registry that lives for one test run.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.banner.enabled=false",
                "-Dquarkus.log.console.color=false");
    }

    private void awaitReady(long deadlineNanos) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/subjects"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        while (true) {
            if (answers(http, probe)) {
                return;
            }
            if (!process.isAlive()) {
                String tail = ChildJvm.tail(logFile, LOG_LINES_IN_ERRORS);
                if (tail.contains("in use")) {
                    throw new PortTakenException(port, failure("exited because port " + port + " is in use", tail));
                }
                throw new IllegalStateException(failure("exited with status " + process.exitValue(), tail));
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new IllegalStateException(failure("did not answer in time", ChildJvm.tail(logFile, LOG_LINES_IN_ERRORS)));
            }
            pause();
        }
    }

    private static boolean answers(HttpClient http, HttpRequest probe) {
        try {
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the schema registry", e);
        }
    }

    private String failure(String what, String logTail) {
        return "Schema registry on port " + port + " " + what + ". Last lines of " + logFile + ":"
                + System.lineSeparator() + logTail;
    }

    private void stopAfterFailedStart() {
        ChildJvm.stop(process);
        removeShutdownHook();
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to run; it stops the same process.
        }
    }

    private void deleteLog() {
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            log.debug("Could not delete {}", logFile, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the schema registry", e);
        }
    }

    /** The child could not bind its port. */
    private static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final int port;

        PortTakenException(int port, String message) {
            super(message);
            this.port = port;
        }
    }
}
