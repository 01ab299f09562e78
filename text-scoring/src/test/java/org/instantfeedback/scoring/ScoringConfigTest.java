package org.instantfeedback.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringConfigTest {

    @TempDir
    Path dir;

    @Test
    void reads_every_kind_of_entry_and_ignores_comments_and_blank_lines() {
        ScoringConfig config = ScoringConfig.parse("""
                # an operator's additions

                valence     gridlock = -2.0
                valence     late again = -2.5        # phrase
                topic       ticket barrier = tickets
                urgent      gas leak
                not-urgent  gas leak drill
                emoji       🚌 = 0.5
                """, "ops.txt");
        assertThat(config.size()).isEqualTo(6);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            valance late = -1                  | ops.txt:2: unknown kind 'valance'
            valence late = awful               | ops.txt:2: valence must be a number from -4 to 4, got 'awful'
            valence late = -5                  | ops.txt:2: valence must be a number from -4 to 4, got '-5'
            valence late                       | ops.txt:2: valence needs '= <number>'
            valence = -1                       | ops.txt:2: the term is missing
            topic late = lateness              | ops.txt:2: unknown topic 'lateness'
            topic late                         | ops.txt:2: topic needs '= <topic>'
            urgent gas leak = yes              | ops.txt:2: urgent takes a term only
            valence a b c d e f g = -1         | ops.txt:2: a term has at most 6 words
            valence late at 7 = -1             | ops.txt:2: '7' in 'late at 7' is not a word
            valence late :( = -1               | ops.txt:2: ':(' in 'late :(' is not a word
            emoji abc = 1                      | ops.txt:2: emoji takes a single emoji
            """)
    void a_bad_line_fails_with_a_message_naming_the_file_and_the_line(String line, String message) {
        assertThatThrownBy(() -> ScoringConfig.parse("# fine\n" + line + "\n", "ops.txt"))
                .isInstanceOf(ScoringConfigException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> {
                    ScoringConfigException problem = (ScoringConfigException) e;
                    assertThat(problem.source()).isEqualTo("ops.txt");
                    assertThat(problem.line()).isEqualTo(2);
                });
    }

    @Test
    void a_file_that_cannot_be_read_fails_naming_the_file() {
        Path missing = dir.resolve("missing.txt");
        assertThatThrownBy(() -> ScoringConfig.load(missing))
                .isInstanceOf(ScoringConfigException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void the_built_in_transport_extension_is_a_valid_config_file() {
        assertThat(ScoringConfig.builtIn().size()).isGreaterThan(500);
    }

    @Test
    void an_operator_file_extends_the_scorer_without_a_rebuild() throws IOException {
        Path file = dir.resolve("scoring.txt");
        Files.writeString(file, """
                valence gridlock = -2.5
                topic   ticket barrier = tickets
                urgent  gas leak
                emoji   🚌 = 2.0
                """, StandardCharsets.UTF_8);
        TextScorer scorer = Scorers.lexiconBuilder().extension(file).build();

        assertThat(Scorers.lexicon().score("gridlock on the high street").label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(scorer.score("gridlock on the high street").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(scorer.score("the ticket barrier at Leeds is stuck").topics()).contains(Topic.TICKETS);
        assertThat(scorer.score("I can smell a gas leak at the station").urgent()).isTrue();
        assertThat(scorer.score("no gas leak, just the bins").urgent()).isFalse();
        assertThat(scorer.score("🚌").label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void an_operator_entry_overrides_the_built_in_one() {
        ScoringConfig kinder = ScoringConfig.parse("valence late again = 1.0\nnot-urgent knife\n", "ops.txt");
        TextScorer scorer = Scorers.lexiconBuilder().extension(kinder).build();

        assertThat(Scorers.lexicon().score("late again").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(scorer.score("late again").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(scorer.score("a knife on the bus").urgent()).isFalse();
    }

    @Test
    void terms_are_matched_case_insensitively_on_whole_words() {
        TextScorer scorer = Scorers.lexiconBuilder()
                .extension(ScoringConfig.parse("urgent Gas Leak\n", "ops.txt")).build();
        assertThat(scorer.score("GAS LEAK on platform 2").urgent()).isTrue();
        assertThat(scorer.score("gas leakage report filed").urgent()).isFalse();
    }
}
