package org.instantfeedback.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.instantfeedback.scoring.model.SyntheticExamples.LAYOUT;
import static org.instantfeedback.scoring.model.SyntheticExamples.NEGATIVE_WORD;
import static org.instantfeedback.scoring.model.SyntheticExamples.NEUTRAL_WORD;
import static org.instantfeedback.scoring.model.SyntheticExamples.POSITIVE_WORD;
import static org.instantfeedback.scoring.model.SyntheticExamples.SETTINGS;
import static org.instantfeedback.scoring.model.SyntheticExamples.example;
import static org.instantfeedback.scoring.model.SyntheticExamples.info;
import static org.instantfeedback.scoring.model.SyntheticExamples.separable;

import java.util.ArrayList;
import java.util.List;

import org.instantfeedback.scoring.SentimentLabel;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static final int LONELY_WORD = 100;
    private static final TrainingSettings CERTAIN = new TrainingSettings(40, 0.5, 0.0, 7L, 1);

    @Test
    void the_same_examples_and_seed_give_the_same_model_bit_for_bit() {
        List<TrainingExample> examples = separable(90, 3L);

        TextModel first = SyntheticExamples.train(examples, SETTINGS);
        TextModel second = SyntheticExamples.train(new ArrayList<>(examples), SETTINGS);

        assertThat(second.sameParameters(first)).isTrue();
        assertThat(TextModelFile.toBytes(second)).isEqualTo(TextModelFile.toBytes(first));
    }

    @Test
    void another_seed_gives_other_weights() {
        List<TrainingExample> examples = separable(90, 3L);
        TrainingSettings otherSeed = new TrainingSettings(SETTINGS.epochs(), SETTINGS.learningRate(), SETTINGS.l2(),
                SETTINGS.seed() + 1, SETTINGS.minCount());

        TextModel first = SyntheticExamples.train(examples, SETTINGS);
        TextModel second = SyntheticExamples.train(examples, otherSeed);

        assertThat(second.sameParameters(first)).isFalse();
        assertThat(TextModelFile.toBytes(second)).isNotEqualTo(TextModelFile.toBytes(first));
    }

    @Test
    void it_learns_which_word_tells_the_class() {
        TextModel model = SyntheticExamples.train(separable(90, 3L), SETTINGS);

        // texts it has not seen: the class word with other noise
        for (TrainingExample unseen : separable(30, 99L)) {
            LabelProbabilities p = model.probabilities(unseen.features());
            assertThat(p.label()).as("%s", p).isEqualTo(ModelClasses.label(unseen.label()));
            assertThat(p.of(p.label())).isGreaterThan(0.6);
            assertThat(p.negative() + p.neutral() + p.positive()).isCloseTo(1.0, offset(1e-9));
        }
        assertThat(model.probabilities(example(0, NEGATIVE_WORD).features()).label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(model.probabilities(example(0, POSITIVE_WORD).features()).label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(model.probabilities(example(0, NEUTRAL_WORD).features()).label()).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void progress_is_told_once_per_pass_with_a_falling_mean_loss() {
        List<double[]> passes = new ArrayList<>();

        Trainer.train(separable(90, 3L), List.of(), LAYOUT, null, SETTINGS, info("test-1"),
                (epoch, epochs, meanLoss) -> passes.add(new double[] {epoch, epochs, meanLoss}));

        assertThat(passes).hasSize(SETTINGS.epochs());
        for (int i = 0; i < passes.size(); i++) {
            assertThat(passes.get(i)[0]).isEqualTo(i + 1);
            assertThat(passes.get(i)[1]).isEqualTo(SETTINGS.epochs());
            if (i > 0) {
                assertThat(passes.get(i)[2]).as("loss of pass %d", i + 1).isLessThan(passes.get(i - 1)[2]);
            }
        }
        // the first pass starts from nothing (log 3 per example); the last knows the problem
        assertThat(passes.get(0)[2]).isLessThan(Math.log(3));
        assertThat(passes.get(passes.size() - 1)[2]).isLessThan(passes.get(0)[2] / 2);
    }

    @Test
    void a_large_l2_keeps_the_weights_near_the_prior() {
        TextModel prior = SyntheticExamples.train(separable(90, 3L), SETTINGS);
        // the operator's examples say the opposite of what the prior learned
        List<TrainingExample> contrary = separable(90, 4L).stream()
                .map(e -> new TrainingExample(e.features(), 2 - e.label(), 1f, "en"))
                .toList();

        TextModel held = trainFrom(prior, contrary, SETTINGS.withL2(1.0));
        TextModel loose = trainFrom(prior, contrary, SETTINGS.withL2(1e-4));

        double heldDistance = distance(held, prior);
        double looseDistance = distance(loose, prior);
        assertThat(heldDistance).isPositive().isLessThan(looseDistance / 2);
        // held near the prior, it still reads the class words the prior's way
        assertThat(held.probabilities(example(0, NEGATIVE_WORD).features()).label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(loose.probabilities(example(0, NEGATIVE_WORD).features()).label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void a_prior_with_another_layout_is_refused() {
        TextModel prior = SyntheticExamples.train(separable(30, 3L), SETTINGS);
        FeatureLayout larger = new FeatureLayout(1, 9, 2);

        assertThatThrownBy(() -> Trainer.train(separable(30, 4L), List.of(), larger, prior, SETTINGS, info("op-1"),
                TrainingProgress.SILENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prior model test-1 has layout");
    }

    @Test
    void a_word_in_one_example_only_gets_no_weight_with_min_count_2() {
        List<TrainingExample> examples = withLonelyWord(separable(90, 3L));

        TextModel everyWord = SyntheticExamples.train(examples, withMinCount(1));
        TextModel twiceSeen = SyntheticExamples.train(examples, withMinCount(2));

        assertThat(isWeighted(everyWord, LONELY_WORD)).isTrue();
        assertThat(isWeighted(twiceSeen, LONELY_WORD)).isFalse();
        assertThat(twiceSeen.activeFeatures()).isLessThan(everyWord.activeFeatures());
        // dense features (the lexicon's readings) are always learned, however rare
        assertThat(isWeighted(twiceSeen, LAYOUT.dense(1))).isTrue();
    }

    @Test
    void a_word_the_prior_knows_is_learned_even_from_one_example() {
        List<TrainingExample> examples = withLonelyWord(separable(90, 3L));
        TextModel prior = SyntheticExamples.train(examples, withMinCount(1));

        TextModel model = trainFrom(prior, examples, withMinCount(2));

        assertThat(isWeighted(model, LONELY_WORD)).isTrue();
        assertThat(weights(model, LONELY_WORD)).isNotEqualTo(weights(prior, LONELY_WORD));
        assertThat(model.activeFeatures()).isEqualTo(prior.activeFeatures());
    }

    @Test
    void calibrating_an_over_confident_model_on_held_out_examples_softens_it() {
        // trained long on clean labels it is all but certain; one in five held-out texts says otherwise
        TextModel model = SyntheticExamples.train(separable(90, 3L), CERTAIN);
        List<TrainingExample> heldOut = everyFifthWrong(separable(60, 12L));

        float temperature = Calibration.fitTemperature(model, heldOut);

        assertThat(temperature).isGreaterThan(1.0f).isLessThanOrEqualTo(Calibration.HIGHEST);
        TextModel calibrated = model.withTemperature(temperature);
        assertThat(logLoss(calibrated, heldOut)).isLessThan(logLoss(model, heldOut));
        // the winning class of each text stays, only less sure
        for (TrainingExample example : heldOut) {
            LabelProbabilities before = model.probabilities(example.features());
            LabelProbabilities after = calibrated.probabilities(example.features());
            assertThat(after.label()).isEqualTo(before.label());
            assertThat(after.of(after.label())).isLessThan(before.of(before.label()));
        }
    }

    @Test
    void training_with_calibration_examples_gives_the_model_the_fitted_temperature() {
        List<TrainingExample> examples = separable(90, 3L);
        List<TrainingExample> heldOut = everyFifthWrong(separable(60, 12L));

        TextModel uncalibrated = SyntheticExamples.train(examples, CERTAIN);
        TextModel calibrated = Trainer.train(examples, heldOut, LAYOUT, null, CERTAIN, info("test-1"),
                TrainingProgress.SILENT);

        assertThat(uncalibrated.temperature()).isEqualTo(1.0f);
        assertThat(calibrated.temperature()).isEqualTo(Calibration.fitTemperature(uncalibrated, heldOut))
                .isGreaterThan(1.0f);
        assertThat(calibrated.sameParameters(uncalibrated.withTemperature(calibrated.temperature()))).isTrue();
    }

    @Test
    void calibrating_an_under_confident_model_sharpens_it() {
        // one short pass: right on every text, but barely sure of it
        TrainingSettings timid = new TrainingSettings(1, 0.01, 0.0, 7L, 1);
        TextModel model = SyntheticExamples.train(separable(90, 3L), timid);
        List<TrainingExample> heldOut = separable(60, 5L);

        float temperature = Calibration.fitTemperature(model, heldOut);

        assertThat(temperature).isLessThan(1.0f).isGreaterThanOrEqualTo(Calibration.LOWEST);
        assertThat(logLoss(model.withTemperature(temperature), heldOut)).isLessThan(logLoss(model, heldOut));
    }

    private static List<TrainingExample> everyFifthWrong(List<TrainingExample> examples) {
        List<TrainingExample> relabelled = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            TrainingExample e = examples.get(i);
            int label = i % 5 == 0 ? (e.label() + 1) % ModelClasses.COUNT : e.label();
            relabelled.add(new TrainingExample(e.features(), label, e.weight(), e.language()));
        }
        return relabelled;
    }

    private static List<TrainingExample> withLonelyWord(List<TrainingExample> examples) {
        List<TrainingExample> more = new ArrayList<>(examples);
        FeatureVector lonely = new FeatureVector();
        lonely.add(NEGATIVE_WORD, 1f);
        lonely.add(LONELY_WORD, 1f);
        lonely.add(LAYOUT.dense(1), 0.5f);
        more.add(new TrainingExample(lonely, ModelClasses.NEGATIVE, 1f, "en"));
        return more;
    }

    private static TrainingSettings withMinCount(int minCount) {
        return new TrainingSettings(SETTINGS.epochs(), SETTINGS.learningRate(), SETTINGS.l2(), SETTINGS.seed(),
                minCount);
    }

    private static TextModel trainFrom(TextModel prior, List<TrainingExample> examples, TrainingSettings settings) {
        return Trainer.train(examples, List.of(), LAYOUT, prior, settings, info("op-1"), TrainingProgress.SILENT);
    }

    private static float[] weights(TextModel model, int feature) {
        float[] all = model.weightsView();
        int at = feature * ModelClasses.COUNT;
        return new float[] {all[at], all[at + 1], all[at + 2]};
    }

    private static boolean isWeighted(TextModel model, int feature) {
        float[] w = weights(model, feature);
        return w[0] != 0 || w[1] != 0 || w[2] != 0;
    }

    private static double distance(TextModel a, TextModel b) {
        float[] x = a.weightsView();
        float[] y = b.weightsView();
        double sum = 0.0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - y[i]) * (double) (x[i] - y[i]);
        }
        return Math.sqrt(sum);
    }

    private static double logLoss(TextModel model, List<TrainingExample> examples) {
        double loss = 0.0;
        for (TrainingExample example : examples) {
            loss -= Math.log(model.probabilities(example.features()).of(ModelClasses.label(example.label())));
        }
        return loss / examples.size();
    }
}
