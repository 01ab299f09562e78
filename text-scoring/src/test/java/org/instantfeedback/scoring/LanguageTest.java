package org.instantfeedback.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

    private final TextScorer scorer = Scorers.standard();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            es | El autobús llegó tarde otra vez, llevo 40 minutos esperando
            de | Der Zug hatte schon wieder 30 Minuten Verspätung
            fr | Le bus était encore en retard ce matin, c'est inadmissible
            pl | Autobus znowu się spóźnił, to już trzeci raz w tym tygodniu
            it | Il treno è in ritardo di nuovo, che schifo
            pt | O ônibus atrasou de novo, que absurdo
            ru | Автобус опять опоздал на полчаса
            """)
    void a_text_in_a_language_without_lexicon_gets_its_language_and_an_unknown_label(String language, String text) {
        TextScore score = scorer.score(text);
        assertThat(score.language()).isEqualTo(language);
        assertThat(score.label()).isEqualTo(SentimentLabel.UNKNOWN);
        assertThat(score.compound()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ok         | en  |
            k          | en  |
            thanks!    | en  | POSITIVE
            gracias    | en  |
            2/5        | und | NEGATIVE
            10/10      | und | POSITIVE
            👍         | und | POSITIVE
            😡         | und | NEGATIVE
            ??         | und | NEUTRAL
            """)
    void short_texts_are_never_marked_foreign(String text, String language, SentimentLabel label) {
        TextScore score = scorer.score(text);
        assertThat(score.language()).isEqualTo(language);
        assertThat(score.label()).isNotEqualTo(SentimentLabel.UNKNOWN);
        if (label != null) {
            assertThat(score.label()).isEqualTo(label);
        }
    }

    @Test
    void english_with_names_and_slang_stays_english() {
        assertThat(scorer.score("I miss Tom Glavine.").language()).isEqualTo("en");
        assertThat(scorer.score("gr8 service 2day, driver v helpful").language()).isEqualTo("en");
        assertThat(scorer.score("Vodka gummy bears.").language()).isEqualTo("en");
    }

    @Test
    void the_detector_is_asked_only_when_the_english_fast_path_cannot_decide() {
        AtomicInteger calls = new AtomicInteger();
        TextScorer counting = TextScorer.builder().languageDetection(words -> {
            calls.incrementAndGet();
            return Scorers.detection().detect(words);
        }).build();

        counting.score("The bus was late again and the driver was rude");
        counting.score("ok");
        counting.score("👍");
        assertThat(calls).hasValue(0);

        assertThat(counting.score("Der Busfahrer war sehr unfreundlich zu mir").language()).isEqualTo("de");
        assertThat(calls).hasValue(1);
    }

    @Test
    void without_a_detector_undecided_texts_are_scored_as_english() {
        TextScorer noDetector = TextScorer.builder().languageDetection(LanguageDetection.none()).build();
        TextScore score = noDetector.score("Der Busfahrer war sehr unfreundlich zu mir");
        assertThat(score.language()).isEqualTo("en");
        assertThat(score.label()).isNotEqualTo(SentimentLabel.UNKNOWN);
    }

    @Test
    void a_detector_answer_is_taken_as_given() {
        TextScorer alwaysWelsh = TextScorer.builder().languageDetection(words -> Optional.of("cy")).build();
        assertThat(alwaysWelsh.score("Mae'r bws yn hwyr eto heddiw").language()).isEqualTo("cy");
        assertThat(alwaysWelsh.score("Mae'r bws yn hwyr eto heddiw").label()).isEqualTo(SentimentLabel.UNKNOWN);
    }

    @Test
    void the_opennlp_detector_answers_iso_639_1_codes() {
        LanguageDetection detection = Scorers.detection();
        assertThat(detection.detect("der zug hatte schon wieder verspätung")).contains("de");
        assertThat(detection.detect("the train was late again this morning")).contains("en");
        assertThat(detection.detect("")).isEmpty();
    }
}
