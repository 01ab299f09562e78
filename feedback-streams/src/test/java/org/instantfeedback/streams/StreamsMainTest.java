package org.instantfeedback.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands of the jar besides the service itself, run in-process with their streams captured. */
class StreamsMainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void score_writes_one_json_object_per_line_of_text() throws Exception {
        int status = run("bus 42 driver rude, 2/5\nlovely driver!\n", "score");

        assertThat(status).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode complaint = JSON.readTree(lines.get(0));
        assertThat(complaint.get("label").asText()).isEqualTo("negative");
        assertThat(complaint.get("score").asDouble()).isNegative();
        assertThat(complaint.get("topics").toString()).contains("staff");
        assertThat(complaint.get("language").asText()).isEqualTo("en");
        assertThat(complaint.get("model").asText()).isEqualTo("base-1");
        assertThat(complaint.get("terms").get(0).get("term").asText()).isEqualTo("rude");
        assertThat(JSON.readTree(lines.get(1)).get("label").asText()).isEqualTo("positive");
    }

    @Test
    void score_applies_an_extension_file_given_with_config() throws Exception {
        Path extension = Files.writeString(dir.resolve("scoring.txt"), "valence yellow = -2.5\n");

        int status = run("the bus was yellow\n", "score", "--config", extension.toString());

        assertThat(status).isZero();
        assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("label").asText()).isEqualTo("negative");
    }

    @Test
    void score_with_a_bad_extension_file_names_the_line_and_exits_with_2() throws Exception {
        Path extension = Files.writeString(dir.resolve("scoring.txt"), "valence yellow = very\n");

        int status = run("the bus was yellow\n", "score", "--config", extension.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(extension + ":1:");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void an_unknown_command_prints_the_usage_on_stderr_and_exits_with_2() {
        int status = run("", "scroe");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'scroe'").contains("usage:");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void help_prints_the_usage_on_stdout() {
        assertThat(run("", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage:").contains("score [--model <file> | --no-model] [--config <file>]");
    }

    private int run(String stdin, String... args) {
        return StreamsMain.runCommand(List.of(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
