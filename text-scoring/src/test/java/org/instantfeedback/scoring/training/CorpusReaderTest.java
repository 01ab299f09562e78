package org.instantfeedback.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.instantfeedback.scoring.SentimentLabel.NEGATIVE;
import static org.instantfeedback.scoring.SentimentLabel.NEUTRAL;
import static org.instantfeedback.scoring.SentimentLabel.POSITIVE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {

    private static final String MESSAGES_HEADER = "label\turgent\ttopics\tlanguage\ttext\n";
    private static final String RAIL_HEADER = "date\ttitle\ttext\turl\tstars\n";

    @TempDir
    Path dir;

    @Test
    void rated_texts_are_read_on_every_rating_scale() throws IOException {
        Path file = write("ratings.tsv", """
                # rating<TAB>text, newest last

                1\tdriver was rude
                3\twhat time is the last tram?
                5\tlovely clean bus
                2/5\tstill waiting for a refund
                7/10\tok I suppose
                9/10\tgreat service today
                0/10\tnever again
                up\tthanks!
                down\tno seat again
                Negative\tbus 42 late again
                neutral\ttram 5 at 8:15
                positive\t"she said ""have a nice day"" and smiled"
                """);

        List<LabelledText> texts = CorpusReader.read(file);

        assertThat(CorpusReader.detect(file, Files.readAllLines(file))).isEqualTo(CorpusFormat.RATED_TEXTS);
        assertThat(texts).extracting(LabelledText::label, LabelledText::text).containsExactly(
                tuple(NEGATIVE, "driver was rude"),
                tuple(NEUTRAL, "what time is the last tram?"),
                tuple(POSITIVE, "lovely clean bus"),
                tuple(NEGATIVE, "still waiting for a refund"),
                tuple(NEUTRAL, "ok I suppose"),
                tuple(POSITIVE, "great service today"),
                tuple(NEGATIVE, "never again"),
                tuple(POSITIVE, "thanks!"),
                tuple(NEGATIVE, "no seat again"),
                tuple(NEGATIVE, "bus 42 late again"),
                tuple(NEUTRAL, "tram 5 at 8:15"),
                tuple(POSITIVE, "she said \"have a nice day\" and smiled"));
        LabelledText first = texts.get(0);
        assertThat(first.source()).isEqualTo("ratings.tsv");
        assertThat(first.group()).isEqualTo("ratings.tsv");
        assertThat(first.id()).isEqualTo("driver was rude");
        assertThat(first.where()).isEqualTo(file + ":3");
        assertThat(texts.get(11).where()).isEqualTo(file + ":14");
    }

    @Test
    void vader_sentences_beyond_half_a_point_are_polar() throws IOException {
        Path file = write("tweets_GroundTruth.txt", """
                1_1\t2.6\tGreat day!
                1_2\t0.5\tIt is a day.
                1_3\t0.6\tNice enough.
                1_4\t-0.5\tMeh.
                1_5\t-0.51\tNot good.
                1_6\t-3.2\tAwful, just awful.
                """);

        List<LabelledText> texts = CorpusReader.read(file);

        assertThat(CorpusReader.detect(file, Files.readAllLines(file))).isEqualTo(CorpusFormat.VADER_SENTENCES);
        assertThat(texts).extracting(LabelledText::label).containsExactly(POSITIVE, NEUTRAL, POSITIVE, NEUTRAL,
                NEGATIVE, NEGATIVE);
        assertThat(texts.get(0).text()).isEqualTo("Great day!");
        assertThat(texts.get(0).id()).isEqualTo("tweets_GroundTruth.txt#1_1");
        assertThat(texts.get(5).where()).isEqualTo(file + ":6");
    }

    @Test
    void passenger_messages_are_read_without_those_in_a_language_the_lexicon_lacks() throws IOException {
        Path file = write("messages.tsv", "# hand-labelled\n" + MESSAGES_HEADER + """
                negative\tno\tpunctuality\ten\tBus 42 late again
                unknown\tno\t-\tes\tEl autobús llegó tarde otra vez
                neutral\tno\t-\ten\tis the 42 running today?
                Positive\tno\tstaff\ten\tLovely driver, thank you!
                """);

        List<LabelledText> texts = CorpusReader.read(file);

        assertThat(CorpusReader.detect(file, Files.readAllLines(file))).isEqualTo(CorpusFormat.PASSENGER_MESSAGES);
        assertThat(texts).extracting(LabelledText::label, LabelledText::text, LabelledText::where).containsExactly(
                tuple(NEGATIVE, "Bus 42 late again", file + ":3"),
                tuple(NEUTRAL, "is the 42 running today?", file + ":5"),
                tuple(POSITIVE, "Lovely driver, thank you!", file + ":6"));
    }

    @Test
    void a_passenger_message_labelled_with_stars_is_refused() throws IOException {
        Path file = write("messages.tsv", MESSAGES_HEADER + "4\tno\t-\ten\tgood bus\n");

        assertThatThrownBy(() -> CorpusReader.read(file))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ":2: label must be negative, neutral, positive or unknown, got '4'");
    }

    @Test
    void a_passenger_message_labelled_like_a_thumb_is_refused() throws IOException {
        Path file = write("messages.tsv", MESSAGES_HEADER + "up\tno\t-\ten\tgood bus\n");

        assertThatThrownBy(() -> CorpusReader.read(file))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ":2: label must be negative, neutral, positive or unknown, got 'up'");
    }

    @Test
    void a_rail_review_gives_its_title_and_its_text_with_the_company_from_the_url() throws IOException {
        Path file = write("rail.tsv", RAIL_HEADER + """
                2024-01-02\t"Late ""again"" and again and again…"\t"The 8:15 was cancelled, ""sorry"" they said"\thttps://uk.trustpilot.com/review/www.gwr.com\t1
                2024-01-03\tFine\tNothing to report\thttps://uk.trustpilot.com/review/lner.co.uk\t3
                2024-01-04\t\tSpotless train, on time\thttps://uk.trustpilot.com/review/www.avantiwestcoast.co.uk\t5
                """);

        List<LabelledText> texts = CorpusReader.read(file);

        assertThat(CorpusReader.detect(file, Files.readAllLines(file))).isEqualTo(CorpusFormat.RAIL_REVIEWS);
        assertThat(texts).extracting(LabelledText::text, LabelledText::label, LabelledText::source,
                LabelledText::group).containsExactly(
                tuple("Late \"again\" and again and again", NEGATIVE, "rail.tsv: titles", "gwr.com"),
                tuple("The 8:15 was cancelled, \"sorry\" they said", NEGATIVE, "rail.tsv: texts", "gwr.com"),
                tuple("Fine", NEUTRAL, "rail.tsv: titles", "lner.co.uk"),
                tuple("Nothing to report", NEUTRAL, "rail.tsv: texts", "lner.co.uk"),
                tuple("Spotless train, on time", POSITIVE, "rail.tsv: texts", "avantiwestcoast.co.uk"));
        // the title and the text of one review share an id, so they always share a split
        assertThat(texts.get(0).id()).isEqualTo(texts.get(1).id()).isNotEqualTo(texts.get(2).id());
        assertThat(texts.get(0).where()).isEqualTo(file + ":2");
    }

    @Test
    void a_rail_review_with_six_stars_is_refused_with_file_and_line() throws IOException {
        Path file = write("rail.tsv", RAIL_HEADER
                + "2024-01-02\tGood\tOn time\thttps://uk.trustpilot.com/review/www.gwr.com\t5\n"
                + "2024-01-03\tBest\tEver\thttps://uk.trustpilot.com/review/www.gwr.com\t6\n");

        assertThatThrownBy(() -> CorpusReader.read(file))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ":3: stars must be 1 to 5, got 6");
    }

    @Test
    void a_rail_review_without_a_number_of_stars_is_refused_with_file_and_line() throws IOException {
        Path file = write("rail.tsv", RAIL_HEADER
                + "2024-01-02\tGood\tOn time\thttps://uk.trustpilot.com/review/www.gwr.com\tfive\n");

        assertThatThrownBy(() -> CorpusReader.read(file))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ":2: stars must be 1 to 5, got 'five'");
    }

    @Test
    void a_line_with_the_wrong_number_of_fields_is_refused_with_file_and_line() throws IOException {
        Path file = write("ratings.tsv", "4\tfine\n\n5\tgood\tand more\n");

        assertThatThrownBy(() -> CorpusReader.read(file))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ":3: expected 2 TAB-separated fields (rating<TAB>text), found 3");
    }

    @Test
    void a_bad_rating_is_refused_with_file_and_line() throws IOException {
        Path file = write("ratings.tsv", "4\tfine\n11/5\ttoo many stars\n");

        assertThatThrownBy(() -> CorpusReader.read(file))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessageStartingWith(file + ":2: rating must be 1-5 stars")
                .hasMessageEndingWith(", got '11/5'");
    }

    @Test
    void a_mean_rating_that_is_not_a_number_is_refused_with_file_and_line() throws IOException {
        Path file = write("tweets.txt", "1_1\t1.5\tGood\n1_2\thigh\tVery good\n");

        assertThatThrownBy(() -> CorpusReader.read(file))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ":2: mean rating must be a number, got 'high'");
    }

    @Test
    void an_empty_text_is_refused_with_file_and_line() throws IOException {
        Path rated = write("ratings.tsv", "4\tfine\n2\t\"\"\n");
        Path blank = write("blank.tsv", "4\t   \n");

        assertThatThrownBy(() -> CorpusReader.read(rated))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage(rated + ":2: the text is empty");
        assertThatThrownBy(() -> CorpusReader.read(blank))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage(blank + ":1: the text is empty");
    }

    @Test
    void a_file_with_no_labelled_texts_is_refused() throws IOException {
        Path comments = write("empty.tsv", "# nothing yet\n\n");
        Path headerOnly = write("messages.tsv", MESSAGES_HEADER);
        Path allUnknown = write("foreign.tsv", MESSAGES_HEADER + "unknown\tno\t-\tes\tHola\n");

        for (Path file : List.of(comments, headerOnly, allUnknown)) {
            assertThatThrownBy(() -> CorpusReader.read(file))
                    .isInstanceOf(CorpusFormatException.class)
                    .hasMessage(file + ": no labelled texts in it");
        }
    }

    @Test
    void a_file_whose_first_line_has_no_known_shape_is_refused() throws IOException {
        Path file = write("notes.txt", "the bus was late\nand so was the tram\n");

        assertThatThrownBy(() -> CorpusReader.read(file))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessageStartingWith(file + ":1: cannot tell the format: expected 'rating<TAB>text'");
    }

    @Test
    void an_unknown_shape_after_comments_is_refused_with_its_own_line() throws IOException {
        Path file = write("notes.txt", "# my notes\n\nthe bus was late\n");

        assertThatThrownBy(() -> CorpusReader.read(file))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessageStartingWith(file + ":3: cannot tell the format");
    }

    @Test
    void a_missing_file_is_refused_with_its_name() {
        Path file = dir.resolve("missing.tsv");

        assertThatThrownBy(() -> CorpusReader.read(file))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ": cannot read the file");
    }

    @Test
    void a_file_that_is_not_utf_8_is_refused_saying_so() throws IOException {
        Path file = dir.resolve("latin1.tsv");
        Files.write(file, "5\tcafé très propre\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> CorpusReader.read(file))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ": cannot read the file: it is not UTF-8");
    }

    @Test
    void a_file_is_read_in_the_format_it_is_told() throws IOException {
        Path file = write("messages.tsv", MESSAGES_HEADER + "negative\tno\t-\ten\tlate\n");

        assertThat(CorpusReader.read(file, CorpusFormat.PASSENGER_MESSAGES)).singleElement()
                .extracting(LabelledText::label).isEqualTo(NEGATIVE);
        assertThatThrownBy(() -> CorpusReader.read(file, CorpusFormat.RATED_TEXTS))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage(file + ":1: expected 2 TAB-separated fields (rating<TAB>text), found 5");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
