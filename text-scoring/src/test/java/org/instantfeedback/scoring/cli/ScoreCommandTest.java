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

import org.instantfeedback.scoring.Scorers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {

    @TempDir
    Path dir;

    static final String BULGARIAN = "/org/instantfeedback/scoring/model/rated_bulgarian_sms.tsv";

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
        String probabilities = "\\{\"negative\":0\\.\\d{4},\"neutral\":0\\.\\d{4},\"positive\":[01]\\.\\d{4}}";
        assertThat(lines.get(0)).matches("\\{\"label\":\"negative\",\"score\":-0\\.\\d{4},\"probabilities\":"
                + probabilities + ",\"model\":\"base-1\",\"terms\":\\[\\{\"term\":\"missed my connection\","
                + "\"weight\":-\\d\\.\\d{3}}.*],\"topics\":\\[\"punctuality\"],\"urgent\":false,\"language\":\"en\"}");
        assertThat(lines.get(1)).startsWith("{\"label\":\"positive\",\"score\":0.")
                .contains("\"terms\":[{\"term\":\"Lovely\",")
                .endsWith(",\"topics\":[\"staff\"],\"urgent\":false,\"language\":\"en\"}");
        assertThat(lines.get(2)).startsWith("{\"label\":\"negative\",")
                .endsWith(",\"topics\":[\"safety\"],\"urgent\":true,\"language\":\"en\"}");
        assertThat(lines.get(3)).isEqualTo("{\"label\":\"unknown\",\"score\":0.0000,\"probabilities\":null,"
                + "\"model\":null,\"terms\":[],\"topics\":[],\"urgent\":false,\"language\":\"es\"}");
        assertThat(lines.get(4)).startsWith("{\"label\":\"neutral\",").contains("\"model\":\"base-1\",\"terms\":[]")
                .endsWith("\"language\":\"und\"}");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void without_the_model_the_lexicon_decides_and_no_probabilities_are_given() {
        int status = score("thanks for the 5 hour delay\n", "--no-model");

        assertThat(status).isZero();
        assertThat(outputLines()).singleElement().asString()
                .startsWith("{\"label\":\"negative\",\"score\":-0.")
                .contains("\"probabilities\":null,\"model\":null,\"terms\":[{\"term\":\"thanks\",\"weight\":-1.406}");
    }

    @Test
    void train_learns_a_language_the_lexicon_lacks_and_the_new_model_reads_it() throws IOException {
        Path rated = dir.resolve("sofia.tsv");
        Files.copy(ScoreCommandTest.class.getResourceAsStream(BULGARIAN), rated);
        Path model = dir.resolve("sofia-1.model");

        int status = score("", "train", "--out", model.toString(), rated.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("trained on 336 texts, judged on the newest 84",
                "languages learned: bg", "the new model is not worse than base-1");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("read 420 texts from " + rated,
                "pass 5 of 5, mean loss", "wrote " + model + " (model sofia-1, reads bg, en, und)");

        out.reset();
        score("Трамвай 5 пак закъсня с 30 минути, чакахме на студа\n", "--model", model.toString());
        assertThat(outputLines()).singleElement().asString()
                .startsWith("{\"label\":\"negative\",").contains("\"model\":\"sofia-1\"", "\"language\":\"bg\"");
        out.reset();
        score("Трамвай 5 пак закъсня с 30 минути, чакахме на студа\n");
        assertThat(outputLines()).singleElement().asString().startsWith("{\"label\":\"unknown\",");
    }

    @Test
    void eval_prints_precision_recall_and_f1_per_class_and_accuracy() throws IOException {
        Path labelled = dir.resolve("labelled.tsv");
        Files.writeString(labelled, """
                # rating<TAB>text
                1\tdriver was rude and the bus was late
                2/5\tstill waiting for a refund
                5\tlovely clean bus, thank you
                9/10\tgreat service today
                3\twhat time is the last tram?
                """, StandardCharsets.UTF_8);

        int status = score("", "eval", labelled.toString());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(labelled + ", read by model base-1:",
                "class     precision    recall        F1    gold    read", "accuracy 1.000 of 5 texts");
        assertThat(outputLines()).anyMatch(line -> line.matches("negative\\s+1\\.000\\s+1\\.000\\s+1\\.000\\s+2\\s+2"));
    }

    @Test
    void a_bad_labelled_file_stops_with_the_file_and_line_named() throws IOException {
        Path labelled = dir.resolve("ratings.tsv");
        Files.writeString(labelled, "4\tfine\n11/5\ttoo many stars\n", StandardCharsets.UTF_8);

        assertThat(score("", "eval", labelled.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(labelled + ":2: rating must be 1-5 stars");

        err.reset();
        assertThat(score("", "train", "--out", dir.resolve("x.model").toString(), labelled.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(labelled + ":2: rating must be");
    }

    @Test
    void a_file_that_is_not_a_model_is_refused_with_its_name() throws IOException {
        Path notAModel = dir.resolve("notes.model");
        Files.writeString(notAModel, "hello", StandardCharsets.UTF_8);

        assertThat(score("late\n", "--model", notAModel.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(notAModel + ": not a text model file");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
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
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --verbose", "usage: score");

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
