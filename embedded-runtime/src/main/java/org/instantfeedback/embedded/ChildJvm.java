package org.instantfeedback.embedded;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts Java programs in child processes that die with this JVM: every child runs behind
 * {@link ParentWatchdog}, with its standard input a pipe that only this JVM holds. Output and errors
 * of the child go to a log file, never to this JVM's console.
 */
final class ChildJvm {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);
    private static final Duration FORCED_STOP = Duration.ofSeconds(5);

    private ChildJvm() {
    }

    /**
     * Launches {@code mainClass} with the JVM running this code. Keep the returned {@link Process}
     * reachable for as long as the child should live: its standard input stream is the lifeline.
     */
    static Process launch(List<String> jvmOptions, List<Path> classPath, String mainClass, List<String> arguments,
            Path logFile) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(Stream.concat(Stream.of(watchdogLocation()), classPath.stream())
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)));
        command.add(ParentWatchdog.class.getName());
        command.add(mainClass);
        command.addAll(arguments);
        // Standard input stays the default pipe; its end-of-file tells the child that we are gone.
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
    }

    /** Asks the child to stop (SIGTERM), then kills it if it has not stopped within a few seconds. */
    static void stop(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
                child.waitFor(FORCED_STOP.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of a child's log, for error messages. */
    static String tail(Path logFile, int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log " + logFile + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static Path javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    private static Path watchdogLocation() {
        CodeSource source = ParentWatchdog.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("Cannot tell where " + ParentWatchdog.class.getName()
                    + " was loaded from, so child processes cannot be started");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unexpected class location " + source.getLocation(), e);
        }
    }
}
