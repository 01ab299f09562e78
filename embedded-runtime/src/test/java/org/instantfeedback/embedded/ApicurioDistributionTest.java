package org.instantfeedback.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioDistributionTest {

    @TempDir
    Path temp;

    @Test
    void finds_the_registry_distribution_maven_fetched_and_its_main_class() {
        ApicurioDistribution distribution = ApicurioDistribution.locate();

        assertThat(distribution.runnerJar()).isRegularFile();
        assertThat(distribution.runnerJar().getFileName().toString()).startsWith("apicurio-registry-app-");
        assertThat(distribution.home().resolve("lib")).isDirectory();
        assertThat(distribution.mainClass()).isEqualTo("io.quarkus.runner.GeneratedMain");
    }

    @Test
    void unpacks_once_into_a_complete_directory_when_several_unpackers_race() throws Exception {
        Path zip = distributionZip();
        Path target = temp.resolve("cache").resolve("apicurio-registry-test");
        int racers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            Callable<Path> unpack = () -> {
                start.await();
                return ApicurioDistribution.unpackOnce(zip, target);
            };
            List<Future<Path>> results = IntStream.range(0, racers).mapToObj(i -> pool.submit(unpack)).toList();
            start.countDown();
            for (Future<Path> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(target);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(ApicurioDistribution.at(target).mainClass()).isEqualTo("org.example.Registry");
        assertThat(target.resolve("lib").resolve("dependency.jar")).hasContent("not really a jar");
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            assertThat(siblings).containsExactly(target);
        }
    }

    @Test
    void refuses_an_archive_whose_entries_point_outside_the_target() throws Exception {
        Path zip = temp.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../escaped.txt"));
            out.write("gotcha".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Path target = temp.resolve("cache").resolve("apicurio-registry-evil");

        assertThatThrownBy(() -> ApicurioDistribution.unpackOnce(zip, target))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Cannot unpack");
        assertThat(temp.resolve("cache").resolve("escaped.txt")).doesNotExist();
        assertThat(target).doesNotExist();
    }

    @Test
    void names_the_distribution_problem_when_the_runner_jar_is_missing() throws Exception {
        Path home = Files.createDirectories(temp.resolve("empty-home"));

        assertThatThrownBy(() -> ApicurioDistribution.at(home))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runner.jar")
                .hasMessageContaining(home.toString());
    }

    private Path distributionZip() throws Exception {
        Path runner = temp.resolve("registry-runner.jar");
        FakeDistribution.writeRunnerJar(runner, "org.example.Registry", "lib/dependency.jar");
        Path zip = temp.resolve("registry-all.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("lib/"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("lib/dependency.jar"));
            out.write("not really a jar".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("registry-runner.jar"));
            Files.copy(runner, (OutputStream) out);
            out.closeEntry();
        }
        return zip;
    }
}
