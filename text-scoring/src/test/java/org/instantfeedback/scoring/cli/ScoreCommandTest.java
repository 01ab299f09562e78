package org.instantfeedback.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.instantfeedback.scoring.Scorers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int score(String input, String... args) {
        return ScoreCommand.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                List.of(args), Scorers::detection);
    }

    private List<String> outputLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void writes_one_json_object_per_input_line_in_order() {
        int status = score("""
                Bus 42 late again, missed my connection
                Lovely driver, thank you!
                man with a knife on the top deck
                El autobús llegó tarde otra vez, qué vergüenza

                """);

        assertThat(status).isZero();
        List<String> lines = outputLines();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches(Pattern.quote("{\"label\":\"negative\",\"score\":-0.") + "\\d{4}"
                + Pattern.quote(",\"topics\":[\"punctuality\"],\"urgent\":false,\"language\":\"en\"}"));
        assertThat(lines.get(1)).matches(Pattern.quote("{\"label\":\"positive\",\"score\":0.") + "\\d{4}"
                + Pattern.quote(",\"topics\":[\"staff\"],\"urgent\":false,\"language\":\"en\"}"));
        assertThat(lines.get(2)).matches(Pattern.quote("{\"label\":\"negative\",\"score\":-0.") + "\\d{4}"
                + Pattern.quote(",\"topics\":[\"safety\"],\"urgent\":true,\"language\":\"en\"}"));
        assertThat(lines.get(3))
                .isEqualTo("{\"label\":\"unknown\",\"score\":0.0000,\"topics\":[],\"urgent\":false,\"language\":\"es\"}");
        assertThat(lines.get(4))
                .isEqualTo("{\"label\":\"neutral\",\"score\":0.0000,\"topics\":[],\"urgent\":false,\"language\":\"und\"}");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void echo_adds_the_text_escaped_for_json() {
        score("she said \"late\"\\again\tno\u0001\n", "--echo");
        assertThat(outputLines()).singleElement().asString()
                .endsWith(",\"text\":\"she said \\\"late\\\"\\\\again\\tno\\u0001\"}");
    }

    @Test
    void a_config_file_extends_the_scoring() throws IOException {
        Path config = dir.resolve("scoring.txt");
        Files.writeString(config, "urgent gas leak\nvalence gridlock = -3\n", StandardCharsets.UTF_8);

        int status = score("gas leak at the station\ngridlock again\n", "--config", config.toString());

        assertThat(status).isZero();
        assertThat(outputLines().get(0)).contains("\"urgent\":true");
        assertThat(outputLines().get(1)).contains("\"label\":\"negative\"");
    }

    @Test
    void a_bad_config_file_stops_with_the_file_and_line_named() throws IOException {
        Path config = dir.resolve("scoring.txt");
        Files.writeString(config, "# ok\nvalence late = very bad\n", StandardCharsets.UTF_8);

        int status = score("late\n", "--config", config.toString());

        assertThat(status).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(config + ":2: valence must be a number");
    }

    @Test
    void bad_arguments_print_the_usage_and_fail() {
        assertThat(score("", "--verbose")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument --verbose", "usage: score");

        assertThat(score("", "--config")).isEqualTo(2);
        assertThat(score("", "--config", dir.resolve("missing.txt").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read configuration file");
    }

    @Test
    void help_prints_the_usage() {
        assertThat(score("", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: score", "--config <file>");
    }
}
