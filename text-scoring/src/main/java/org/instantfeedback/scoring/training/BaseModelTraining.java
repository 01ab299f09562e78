package org.instantfeedback.scoring.training;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.instantfeedback.scoring.SentimentLabel;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.scoring.model.ModelInfo;
import org.instantfeedback.scoring.model.TextModel;
import org.instantfeedback.scoring.model.TrainingProgress;

/**
 * Trains a base model from {@link BaseCorpora} in two stages: first without the development split
 * of every source, to fit the temperature on that split (texts the model has not seen); then on
 * everything learnable, keeping that temperature. The same corpora give the same model.
 */
public final class BaseModelTraining {

    /** Languages every base model reads: English (the lexicon's) and texts without words. */
    public static final List<String> BASE_LANGUAGES = List.of("en", "und");

    private BaseModelTraining() {
    }

    /**
     * A base model from the learnable texts, of the rail reviews those that pass {@code keepReview}
     * (all: {@code review -> true}).
     */
    public static TextModel train(TextScorer lexicon, BaseCorpora corpora, Predicate<LabelledText> keepReview,
                                  String version, Instant createdAt, TrainingProgress progress) {
        TrainingRecipe recipe = TrainingRecipe.BASE;
        List<LabelledText> learnable = corpora.learnable(keepReview);
        List<LabelledText> firstStage = learnable.stream()
                .filter(text -> StableSplit.of(text) != StableSplit.DEVELOPMENT).toList();
        List<LabelledText> calibration = learnable.stream()
                .filter(text -> StableSplit.of(text) == StableSplit.DEVELOPMENT).toList();
        ModelInfo info = new ModelInfo(version, null, createdAt, new TreeSet<>(BASE_LANGUAGES),
                facts(learnable, recipe));
        TextModel calibrated = recipe.train(lexicon, firstStage, calibration, null, info, TrainingProgress.SILENT);
        TextModel model = recipe.train(lexicon, learnable, List.of(), null, info, progress);
        return model.withTemperature(calibrated.temperature())
                .withInfo(info.withFact("calibration.temperature",
                        String.format(Locale.ROOT, "%.4f", calibrated.temperature()))
                        .withFact("calibration.texts", Integer.toString(calibration.size())));
    }

    private static SortedMap<String, String> facts(List<LabelledText> texts, TrainingRecipe recipe) {
        SortedMap<String, String> facts = new TreeMap<>();
        Map<String, int[]> bySource = new TreeMap<>();
        for (LabelledText text : texts) {
            int[] counts = bySource.computeIfAbsent(text.source(), source -> new int[3]);
            counts[text.label() == SentimentLabel.NEGATIVE ? 0 : text.label() == SentimentLabel.NEUTRAL ? 1 : 2]++;
        }
        bySource.forEach((source, n) -> facts.put("data." + source,
                String.format(Locale.ROOT, "%d negative, %d neutral, %d positive", n[0], n[1], n[2])));
        facts.put("training.settings", recipe.toString());
        return facts;
    }
}
