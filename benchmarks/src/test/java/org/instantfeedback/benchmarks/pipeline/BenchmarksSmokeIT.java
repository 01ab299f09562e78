package org.instantfeedback.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every benchmark at smoke sizes (seconds, figures meaningless) against a real broker and registry
 * and the real Flink peer, so a change that breaks one shows up in the build rather than on the day
 * someone wants figures.
 */
class BenchmarksSmokeIT {

    @Test
    void every_benchmark_runs_and_writes_each_of_its_figures(@TempDir Path out) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse("--smoke", "--out=" + out,
                "--flink-module=" + Path.of("..", "benchmarks-flink"));

        RunBenchmarks.run(options, "benchmarks/run --smoke");

        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(json.at("/machine/cores").asInt()).isPositive();
        assertThat(json.at("/machine/jvm").asText()).isNotBlank();
        assertThat(json.at("/machine/loadAverageAtStart").asText()).isNotBlank();
        List<String> figures = new ArrayList<>();
        json.get("results").forEach(result -> figures.add(result.get("item").asText() + ": " + result.get("figure").asText()));
        assertThat(figures).anyMatch(f -> f.startsWith("ingest: accepted feedback/s at saturation"))
                .anyMatch(f -> f.startsWith("ingest: p99 latency"))
                .anyMatch(f -> f.startsWith("ingest: Kafka producer records/s"))
                .anyMatch(f -> f.equals("streams: raw consume, one consumer"))
                .anyMatch(f -> f.equals("streams: full topology, exactly_once_v2, drain"))
                .anyMatch(f -> f.equals("streams: full topology, at_least_once, drain"))
                .anyMatch(f -> f.startsWith("flink: Flink CSAT job"))
                .anyMatch(f -> f.equals("flink: our CSAT-only topology, exactly_once_v2"))
                .anyMatch(f -> f.startsWith("flink: Flink CSAT job with our promise"))
                .anyMatch(f -> f.equals("end to end: 202 to CSAT update readable (read_committed), p99"))
                .anyMatch(f -> f.equals("end to end: 202 to alert readable (read_committed), p99"))
                .anyMatch(f -> f.startsWith("scorer: TextScorer on passenger SMS"))
                .anyMatch(f -> f.startsWith("scorer: TextScorer with the model on English SMS"))
                .anyMatch(f -> f.startsWith("model: heap retained by the loaded base model"))
                .anyMatch(f -> f.startsWith("model: heap retained by a TextScorer with the base model"))
                .anyMatch(f -> f.startsWith("model: weights array by its FeatureLayout"))
                .anyMatch(f -> f.startsWith("model: model file"))
                .anyMatch(f -> f.startsWith("model: feature extraction of"))
                .anyMatch(f -> f.startsWith("model: base training from scratch on"))
                .anyMatch(f -> f.startsWith("model: extraction + base training on"))
                .anyMatch(f -> f.startsWith("model: operator round on"))
                .anyMatch(f -> f.equals("model: operator round, examples/s"))
                .anyMatch(f -> f.equals("scale: 1,000 subjects: state per subject"));
        json.get("results").forEach(result -> {
            assertThat(result.get("value").isNumber()).as(result.get("figure").asText()).isTrue();
            assertThat(result.get("loadAverage").asText()).isNotBlank();
        });
        json.get("results").forEach(result -> {
            if (result.get("figure").asText().contains("counts equal the final counts of")) {
                assertThat(result.get("met").asBoolean()).as("both jobs reach the same CSAT figures: " + result).isTrue();
            }
        });

        String markdown = Files.readString(out.resolve("results.md"));
        assertThat(markdown).contains("2 cores".replace("2", Integer.toString(Runtime.getRuntime().availableProcessors())));
        for (JsonNode result : json.get("results")) {
            assertThat(markdown).contains("| " + result.get("item").asText() + " | " + result.get("figure").asText() + " |");
        }
    }
}
