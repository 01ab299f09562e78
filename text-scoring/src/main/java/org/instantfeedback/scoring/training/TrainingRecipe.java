package org.instantfeedback.scoring.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.instantfeedback.scoring.TextFeatures;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.scoring.model.FeatureLayout;
import org.instantfeedback.scoring.model.ModelClasses;
import org.instantfeedback.scoring.model.ModelInfo;
import org.instantfeedback.scoring.model.TextModel;
import org.instantfeedback.scoring.model.Trainer;
import org.instantfeedback.scoring.model.TrainingExample;
import org.instantfeedback.scoring.model.TrainingProgress;
import org.instantfeedback.scoring.model.TrainingSettings;

/**
 * How labelled texts become a model: features from the lexicon scorer, then weights, so that
 * <ul>
 *   <li>within each source, every class weighs about as much as the others (more than 80% of the
 *       rail reviews are complaints; unweighted, a model learns that everything is one), softened
 *       by {@link #classBalance()} so that a source's real mix still shows a little, and</li>
 *   <li>no source drowns the others: a source's total weight grows with its size to a power
 *       below one ({@link #sourceExponent()}), so ten thousand movie-review sentences do not
 *       outvote a thousand passenger messages.</li>
 * </ul>
 * Each example's weight is then scaled so that weights average 1.
 *
 * @param settings       the trainer's settings
 * @param classBalance   0 keeps each source's own class mix, 1 weighs its classes equally
 * @param sourceExponent a source's total weight is proportional to its size to this power
 * @param hashBits       the model's hashed feature slots are {@code 2^hashBits}
 */
public record TrainingRecipe(TrainingSettings settings, double classBalance, double sourceExponent, int hashBits) {

    /** Chosen on the development sets (see the model card). */
    public static final TrainingRecipe BASE = new TrainingRecipe(TrainingSettings.BASE, 0.3, 0.3, 20);
    /**
     * Learning an operator's language on top of a base model: fewer, smaller steps and a pull
     * towards the base model's weights, chosen on the learning curve of a rail company the base
     * model never saw (see the model card).
     */
    public static final TrainingRecipe OPERATOR =
            new TrainingRecipe(new TrainingSettings(5, 0.05, 1e-2, 20261206L, 1), 0.0, 0.5, 20);

    public FeatureLayout layout() {
        return TextScorer.featureLayout(hashBits);
    }

    /** Trains on {@code texts}, calibrating on {@code calibration} (which may be empty). */
    public TextModel train(TextScorer lexicon, List<LabelledText> texts, List<LabelledText> calibration,
                           TextModel prior, ModelInfo info, TrainingProgress progress) {
        FeatureLayout layout = prior == null ? layout() : prior.layout();
        return Trainer.train(examples(lexicon, texts, layout), examples(lexicon, calibration, layout), layout, prior,
                settings, info, progress);
    }

    /** The texts as weighted examples; texts labelled UNKNOWN are left out. */
    public List<TrainingExample> examples(TextScorer lexicon, List<LabelledText> texts, FeatureLayout layout) {
        TextScorer reader = lexicon.model() == null ? lexicon : lexicon.withModel(null);
        Map<String, double[]> weights = weights(texts);
        List<TrainingExample> examples = new ArrayList<>(texts.size());
        for (LabelledText text : texts) {
            int label = ModelClasses.index(text.label());
            if (label >= 0) {
                TextFeatures features = reader.features(text.text(), layout);
                examples.add(new TrainingExample(features.vector().compact(), label,
                        (float) weights.get(text.source())[label], features.language()));
            }
        }
        return examples;
    }

    /** Per source, the weight of an example of each class. */
    private Map<String, double[]> weights(List<LabelledText> texts) {
        Map<String, int[]> counts = new TreeMap<>();
        int total = 0;
        for (LabelledText text : texts) {
            int label = ModelClasses.index(text.label());
            if (label >= 0) {
                counts.computeIfAbsent(text.source(), source -> new int[ModelClasses.COUNT])[label]++;
                total++;
            }
        }
        Map<String, double[]> weights = new HashMap<>();
        double sum = 0.0;
        for (Map.Entry<String, int[]> source : counts.entrySet()) {
            int[] n = source.getValue();
            int size = n[0] + n[1] + n[2];
            int classes = (n[0] > 0 ? 1 : 0) + (n[1] > 0 ? 1 : 0) + (n[2] > 0 ? 1 : 0);
            double[] w = new double[ModelClasses.COUNT];
            double sourceTotal = 0.0;
            for (int c = 0; c < ModelClasses.COUNT; c++) {
                if (n[c] > 0) {
                    w[c] = StrictMath.pow((double) size / (classes * n[c]), classBalance);
                    sourceTotal += w[c] * n[c];
                }
            }
            double scale = StrictMath.pow(size, sourceExponent) / sourceTotal;
            for (int c = 0; c < ModelClasses.COUNT; c++) {
                w[c] *= scale;
                sum += w[c] * n[c];
            }
            weights.put(source.getKey(), w);
        }
        double mean = total == 0 ? 1.0 : sum / total;
        weights.values().forEach(w -> {
            for (int c = 0; c < w.length; c++) {
                w[c] /= mean;
            }
        });
        return weights;
    }
}
