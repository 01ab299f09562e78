package org.instantfeedback.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import org.instantfeedback.scoring.BundledModel;
import org.instantfeedback.scoring.Scorers;
import org.instantfeedback.scoring.SentimentLabel;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.scoring.model.ModelInfo;
import org.instantfeedback.scoring.model.TextModel;
import org.instantfeedback.scoring.model.TextModelFile;
import org.instantfeedback.scoring.model.TrainingProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorTrainingTest {

    private static final String BULGARIAN = "/org/instantfeedback/scoring/model/rated_bulgarian_sms.tsv";
    /** Not in the file: a complaint the candidate never learned from. */
    private static final String BULGARIAN_COMPLAINT = "Трамвай 5 пак закъсня с 30 минути, чакахме на студа";
    private static final Instant TRAINED_AT = Instant.parse("2026-05-01T10:00:00Z");

    private static TextScorer lexicon;
    private static TextModel base;
    private static List<LabelledText> bulgarian;
    private static OperatorTraining.Outcome sofia;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnTheBulgarianTexts() throws URISyntaxException {
        lexicon = Scorers.lexicon();
        base = BundledModel.load();
        bulgarian = CorpusReader.read(Path.of(OperatorTrainingTest.class.getResource(BULGARIAN).toURI()));
        sofia = train(bulgarian, OperatorTraining.Settings.DEFAULTS);
    }

    @Test
    void the_bulgarian_texts_teach_the_candidate_bulgarian() {
        assertThat(bulgarian).hasSize(420);
        assertThat(sofia.learnedLanguages()).containsExactly("bg");
        assertThat(sofia.candidate().info().languages()).containsExactly("bg", "en", "und");
        assertThat(sofia.trainedOn()).isEqualTo(336);
        assertThat(sofia.heldBack()).isEqualTo(84);
        assertThat(sofia.promote()).isTrue();
        assertThat(sofia.candidateFigures().accuracy()).isGreaterThan(sofia.current().accuracy());
        assertThat(sofia.candidate().info().facts()).containsEntry("trained.examples", "336")
                .containsEntry("held-back.examples", "84").containsKeys("held-back.accuracy", "held-back.negative-f1");
    }

    @Test
    void the_candidate_reads_a_new_bulgarian_complaint_as_negative_where_the_base_model_reads_unknown() {
        assertThat(lexicon.withModel(sofia.candidate()).score(BULGARIAN_COMPLAINT).label())
                .isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(lexicon.withModel(base).score(BULGARIAN_COMPLAINT).label()).isEqualTo(SentimentLabel.UNKNOWN);
    }

    @Test
    void with_fewer_bulgarian_texts_than_the_language_minimum_bulgarian_is_not_learned() {
        List<LabelledText> first90 = bulgarian.subList(0, 90);

        OperatorTraining.Outcome outcome = train(first90, OperatorTraining.Settings.DEFAULTS);

        assertThat(first90.size()).isLessThan(OperatorTraining.Settings.DEFAULTS.languageMinimum());
        assertThat(outcome.learnedLanguages()).isEmpty();
        assertThat(outcome.candidate().info().languages()).containsExactly("en", "und");
        assertThat(lexicon.withModel(outcome.candidate()).score(BULGARIAN_COMPLAINT).label())
                .isEqualTo(SentimentLabel.UNKNOWN);
    }

    @Test
    void a_language_that_does_not_reach_the_floor_is_not_learned() {
        OperatorTraining.Settings strict = new OperatorTraining.Settings(TrainingRecipe.OPERATOR, 20, 2_000, 100,
                0.99);

        OperatorTraining.Outcome outcome = train(bulgarian, strict);

        assertThat(outcome.learnedLanguages()).isEmpty();
        assertThat(outcome.candidate().info().languages()).doesNotContain("bg");
        assertThat(lexicon.withModel(outcome.candidate()).score(BULGARIAN_COMPLAINT).label())
                .isEqualTo(SentimentLabel.UNKNOWN);
    }

    @Test
    void the_same_examples_give_the_same_candidate_bit_for_bit() {
        OperatorTraining.Outcome again = train(new ArrayList<>(bulgarian), OperatorTraining.Settings.DEFAULTS);

        assertThat(again.candidate().sameParameters(sofia.candidate())).isTrue();
        assertThat(again.candidate().info()).isEqualTo(sofia.candidate().info());
        assertThat(TextModelFile.toBytes(again.candidate())).isEqualTo(TextModelFile.toBytes(sofia.candidate()));
    }

    @Test
    void a_candidate_taught_the_wrong_way_round_is_not_promoted() throws IOException {
        // a rating widget that had its scale upside down: the older ratings are flipped, the newest
        // (held back to judge the candidate) are right again
        Path file = dir.resolve("upside-down.tsv");
        Files.writeString(file, englishRatings(150, 120), StandardCharsets.UTF_8);
        List<LabelledText> texts = CorpusReader.read(file);

        OperatorTraining.Outcome outcome = train(texts, OperatorTraining.Settings.DEFAULTS);

        assertThat(outcome.heldBack()).isEqualTo(30);
        assertThat(outcome.candidateFigures().accuracy()).isLessThan(outcome.current().accuracy());
        assertThat(outcome.promote()).isFalse();
        assertThat(outcome.learnedLanguages()).isEmpty();
    }

    private static OperatorTraining.Outcome train(List<LabelledText> texts, OperatorTraining.Settings settings) {
        ModelInfo info = new ModelInfo("sofia-1", base.version(), TRAINED_AT, new TreeSet<>(), new TreeMap<>());
        return OperatorTraining.run(lexicon, base, base, texts, settings, info, TrainingProgress.SILENT);
    }

    /** {@code count} English complaints and thanks in turn; the first {@code flipped} rated the wrong way round. */
    private static String englishRatings(int count, int flipped) {
        String[] vehicles = {"bus", "tram", "train", "metro", "night bus"};
        String[] complaints = {"was late again", "was dirty and smelly", "never came", "was cancelled without notice",
                "was so crowded I could not get on", "driver was rude to me"};
        String[] thanks = {"was lovely and clean", "was right on time", "driver was friendly and helpful",
                "was quiet and comfortable", "was spotless, thank you", "made my day"};
        StringBuilder out = new StringBuilder("# stars<TAB>text\n");
        for (int i = 0; i < count; i++) {
            boolean complaint = i % 2 == 0;
            String vehicle = vehicles[(i / 2) % vehicles.length];
            String says = (complaint ? complaints : thanks)[(i / 2) % complaints.length];
            boolean upsideDown = i < flipped;
            int stars = complaint == upsideDown ? 5 : 1;
            out.append(stars).append('\t').append("the ").append(vehicle).append(' ').append(says).append('\n');
        }
        return out.toString();
    }
}
