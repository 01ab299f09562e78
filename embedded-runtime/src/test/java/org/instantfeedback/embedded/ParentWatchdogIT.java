package org.instantfeedback.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentWatchdogIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private Process parent;
    private Process child;

    @AfterEach
    void killLeftovers() {
        Optional.ofNullable(child).ifPresent(Process::destroyForcibly);
        Optional.ofNullable(parent).ifPresent(Process::destroyForcibly);
    }

    @Test
    void runs_the_target_program_with_its_arguments() throws Exception {
        Path log = temp.resolve("child.log");
        child = ChildJvm.launch(List.of("-Xmx32m"), List.of(WatchdogTestClassPath.testClasses()),
                BlocksForever.class.getName(), List.of("route-42", "5"), log);

        await().atMost(DEADLINE).until(() -> logOf(log).contains(BlocksForever.ANNOUNCEMENT));
        assertThat(logOf(log)).contains(BlocksForever.ANNOUNCEMENT + "[route-42, 5]");
        assertThat(child.isAlive()).isTrue();
    }

    @Test
    void halts_the_child_once_the_parent_closes_its_end_of_the_pipe() throws Exception {
        Path log = temp.resolve("child.log");
        child = ChildJvm.launch(List.of("-Xmx32m"), List.of(WatchdogTestClassPath.testClasses()),
                BlocksForever.class.getName(), List.of(), log);
        await().atMost(DEADLINE).until(() -> logOf(log).contains(BlocksForever.ANNOUNCEMENT));

        child.getOutputStream().close();

        assertThat(child.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(ParentWatchdog.PARENT_GONE_EXIT_STATUS);
        assertThat(logOf(log)).contains("parent process is gone");
    }

    @Test
    void the_child_dies_with_a_parent_killed_by_sigkill() throws Exception {
        Path childLog = temp.resolve("child.log");
        parent = new ProcessBuilder(javaExecutable(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LaunchesBlockingChild.class.getName(), childLog.toString())
                .redirectError(temp.resolve("parent.err").toFile())
                .start();
        long childPid = readChildPid(parent);
        ProcessHandle orphanCandidate = ProcessHandle.of(childPid).orElseThrow();
        await().atMost(DEADLINE).until(() -> logOf(childLog).contains(BlocksForever.ANNOUNCEMENT));

        parent.destroyForcibly();

        await().atMost(DEADLINE).until(() -> !orphanCandidate.isAlive());
        assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    private static long readChildPid(Process parent) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(line).as("child pid printed by the parent").isNotNull().matches("\\d+");
        return Long.parseLong(line);
    }

    private static String logOf(Path log) throws java.io.IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
