package org.instantfeedback.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VADER's rules as a passenger would notice them, and the transport and SMS extensions. */
class SentimentRulesTest {

    private final TextScorer scorer = Scorers.lexicon();

    private double compound(String text) {
        return scorer.score(text).compound();
    }

    private SentimentLabel label(String text) {
        return scorer.score(text).label();
    }

    @Test
    void a_negation_flips_the_sentiment_of_the_word_after_it() {
        assertThat(label("The driver was helpful")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("The driver was not helpful")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("The driver wasn't helpful")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("The driver was never helpful")).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void a_negated_sentiment_is_weaker_than_its_opposite() {
        assertThat(compound("the staff were not good")).isGreaterThan(compound("the staff were bad"));
    }

    @Test
    void the_clause_after_but_outweighs_the_clause_before_it() {
        assertThat(label("The bus was clean but the driver was rude")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("The driver was rude but the bus was lovely and clean")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(compound("good but bad")).isLessThan(0);
        assertThat(compound("bad but good")).isGreaterThan(0);
    }

    @Test
    void a_shouted_word_counts_more_when_the_rest_is_not_shouted() {
        assertThat(compound("the driver was RUDE today")).isLessThan(compound("the driver was rude today"));
        // all capitals is no emphasis: there is nothing to stand out from
        assertThat(compound("THE DRIVER WAS RUDE TODAY")).isEqualTo(compound("the driver was rude today"));
    }

    @Test
    void exclamation_marks_amplify_up_to_four() {
        assertThat(compound("great service!")).isGreaterThan(compound("great service"));
        assertThat(compound("great service!!!")).isGreaterThan(compound("great service!"));
        assertThat(compound("great service!!!!!!!!")).isEqualTo(compound("great service!!!!"));
        assertThat(compound("awful service!!!")).isLessThan(compound("awful service"));
    }

    @Test
    void several_question_marks_amplify_a_complaint() {
        assertThat(compound("why is it always so bad??")).isLessThan(compound("why is it always so bad?"));
    }

    @Test
    void boosters_strengthen_and_dampeners_weaken() {
        assertThat(compound("very good service")).isGreaterThan(compound("good service"));
        assertThat(compound("slightly good service")).isLessThan(compound("good service"));
        assertThat(compound("it was kind of good")).isLessThan(compound("it was good"));
        assertThat(compound("it was kind of bad")).isGreaterThan(compound("it was bad"));
    }

    @Test
    void least_negates_but_at_least_does_not() {
        assertThat(label("the least helpful staff I have met")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("at least helpful")).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void emoji_are_scored() {
        assertThat(label("😊")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("😢")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("👍")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("😡😡😡")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("👍🏽")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("the driver was fire today 🔥")).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void emoticons_are_scored() {
        assertThat(label(":)")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("bus late :(")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("love the new trams <3")).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void elongated_words_are_read_as_the_word_and_emphasised() {
        assertThat(label("loooove the new trams")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(compound("the driver was sooooo nice")).isEqualTo(compound("the driver was so nice"));
        assertThat(compound("gooooood driver")).isGreaterThan(compound("good driver"));
        assertThat(label("ughhhhh")).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void handles_tags_and_urls_are_names_not_words() {
        double plain = compound("great service");
        assertThat(compound("@terrible_bus great service #awful https://bad.example.com/terrible")).isEqualTo(plain);
        assertThat(compound("great service www.awful.example")).isEqualTo(plain);
    }

    @Test
    void sarcasm_tags_flip_the_praise() {
        assertThat(label("Thanks for the lovely tour of the ring road #not")).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Great, another 40 minute delay. Just what I needed.       | NEGATIVE
            Oh brilliant, the 7:45 is cancelled again                 | NEGATIVE
            Well done on cancelling the only train that gets me there | NEGATIVE
            Another day, another delay. Thanks                        | NEGATIVE
            Great, thanks for the quick refund                        | POSITIVE
            Thanks for getting me home safely, heroes                 | POSITIVE
            """)
    void sarcastic_praise_counts_as_a_complaint_and_genuine_praise_does_not(String text, SentimentLabel expected) {
        assertThat(label(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            late again smh                                  | NEGATIVE
            the 42 is delayed                               | NEGATIVE
            train cancelled, now stranded in Crewe          | NEGATIVE
            missed my connection at Reading                 | NEGATIVE
            still waiting for the 18                        | NEGATIVE
            been on hold for 45 minutes                     | NEGATIVE
            another no-show from the 23                     | NEGATIVE
            another no show from the 23                     | NEGATIVE
            overcrowded every morning                       | NEGATIVE
            still no refund                                 | NEGATIVE
            bus was 25 minutes late                         | NEGATIVE
            bus was on time                                 | POSITIVE
            bus was not on time                             | NEGATIVE
            bang on time every day this week                | POSITIVE
            no complaints                                   | POSITIVE
            can't fault the staff                           | POSITIVE
            bus 12 at stop 4532                             | NEUTRAL
            waiting at the bus stop                         | NEUTRAL
            """)
    void transport_complaint_vocabulary_is_scored(String text, SentimentLabel expected) {
        assertThat(label(text)).isEqualTo(expected);
    }

    @Test
    void a_phrase_and_its_hyphenated_spelling_score_the_same() {
        assertThat(compound("a no-show again")).isEqualTo(compound("a no show again"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1/5       | NEGATIVE
            2/5       | NEGATIVE
            3/5       | NEUTRAL
            4/5       | POSITIVE
            10/10     | POSITIVE
            0/10      | NEGATIVE
            24/7      | NEUTRAL
            7:45      | NEUTRAL
            """)
    void ratings_out_of_five_or_ten_are_scored(String text, SentimentLabel expected) {
        assertThat(label(text)).isEqualTo(expected);
    }

    @Test
    void the_compound_score_stays_within_minus_one_and_one() {
        String awful = "awful terrible horrible disgusting!!!! ".repeat(200);
        String great = "great wonderful amazing fantastic!!!! ".repeat(200);
        assertThat(compound(awful)).isBetween(-1.0, -0.99);
        assertThat(compound(great)).isBetween(0.99, 1.0);
    }

    @Test
    void empty_and_blank_texts_are_neutral() {
        assertThat(scorer.score("")).satisfies(score -> {
            assertThat(score.label()).isEqualTo(SentimentLabel.NEUTRAL);
            assertThat(score.compound()).isZero();
        });
        assertThat(label("   \n\t ")).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void plain_vader_misses_transport_complaints_the_extension_catches() {
        TextScorer vader = Scorers.plainVader();
        assertThat(vader.score("bus late again, now stranded").label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(scorer.score("bus late again, now stranded").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }
}
