package org.instantfeedback.scoring.model;

import java.util.List;
import java.util.Random;

/**
 * Trains a {@link TextModel}: multinomial logistic regression by AdaGrad stochastic gradient
 * descent over sparse hashed features, then a temperature fitted on held-back examples so that
 * its probabilities are calibrated.
 *
 * <p>Written here rather than taken from a library: it is about a hundred lines, a library would
 * bring its own feature and model formats, and ours must be deterministic (the same examples and
 * seed give the same model bit for bit, on any machine: {@link StrictMath} throughout) and able to
 * start from a prior model and stay near it, which is how an operator's feedback refines the
 * shipped model without the shipped model's training text.
 *
 * <p>Single-threaded: a caller that must not stall runs it on a thread of its own.
 */
public final class Trainer {

    private static final double ADAGRAD_EPSILON = 1e-6;

    private Trainer() {
    }

    /**
     * Learns from {@code examples}, starting from {@code prior}'s weights and pulled towards them
     * (from zero without a prior), and calibrates on {@code calibration} (may be empty: the
     * prior's temperature, or 1, is kept).
     */
    public static TextModel train(List<TrainingExample> examples, List<TrainingExample> calibration,
                                  FeatureLayout layout, TextModel prior, TrainingSettings settings, ModelInfo info,
                                  TrainingProgress progress) {
        if (prior != null && !prior.layout().equals(layout)) {
            throw new IllegalArgumentException("prior model " + prior.version() + " has layout " + prior.layout()
                    + ", not " + layout);
        }
        float[] weights = prior == null ? new float[layout.featureCount() * ModelClasses.COUNT] : prior.weightsCopy();
        float[] anchor = prior == null ? null : prior.weightsView();
        float[] bias = prior == null ? new float[ModelClasses.COUNT] : prior.biasCopy();
        boolean[] learnable = learnable(examples, layout, anchor, settings.minCount());
        float[] squaredGradients = new float[weights.length];
        float[] biasSquaredGradients = new float[ModelClasses.COUNT];
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] scores = new double[ModelClasses.COUNT];
        double[] errors = new double[ModelClasses.COUNT];
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            shuffle(order, new Random(settings.seed() * 31 + epoch));
            double loss = 0.0;
            double totalWeight = 0.0;
            for (int next : order) {
                TrainingExample example = examples.get(next);
                FeatureVector x = example.features();
                logits(weights, bias, x, scores);
                double[] p = TextModel.softmax(scores);
                loss -= example.weight() * StrictMath.log(Math.max(p[example.label()], 1e-12));
                totalWeight += example.weight();
                for (int c = 0; c < ModelClasses.COUNT; c++) {
                    errors[c] = example.weight() * (p[c] - (c == example.label() ? 1.0 : 0.0));
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!learnable[x.index(i)]) {
                        continue;
                    }
                    int at = x.index(i) * ModelClasses.COUNT;
                    float value = x.value(i);
                    for (int c = 0; c < ModelClasses.COUNT; c++) {
                        double pull = weights[at + c] - (anchor == null ? 0.0f : anchor[at + c]);
                        double gradient = errors[c] * value + settings.l2() * pull;
                        squaredGradients[at + c] += (float) (gradient * gradient);
                        weights[at + c] -= (float) (settings.learningRate() * gradient
                                / (StrictMath.sqrt(squaredGradients[at + c]) + ADAGRAD_EPSILON));
                    }
                }
                for (int c = 0; c < ModelClasses.COUNT; c++) {
                    biasSquaredGradients[c] += (float) (errors[c] * errors[c]);
                    bias[c] -= (float) (settings.learningRate() * errors[c]
                            / (StrictMath.sqrt(biasSquaredGradients[c]) + ADAGRAD_EPSILON));
                }
            }
            progress.epochDone(epoch, settings.epochs(), totalWeight == 0 ? 0.0 : loss / totalWeight);
        }
        float temperature = prior == null ? 1.0f : prior.temperature();
        TextModel model = new TextModel(info, layout, weights, bias, temperature);
        return calibration.isEmpty() ? model : model.withTemperature(Calibration.fitTemperature(model, calibration));
    }

    /** Features seen in at least {@code minCount} examples, or known to the prior, or dense. */
    private static boolean[] learnable(List<TrainingExample> examples, FeatureLayout layout, float[] prior,
                                       int minCount) {
        int[] seen = new int[layout.featureCount()];
        for (TrainingExample example : examples) {
            FeatureVector x = example.features();
            for (int i = 0; i < x.size(); i++) {
                seen[x.index(i)]++;
            }
        }
        boolean[] learnable = new boolean[layout.featureCount()];
        for (int f = 0; f < learnable.length; f++) {
            int at = f * ModelClasses.COUNT;
            learnable[f] = seen[f] >= minCount || f >= layout.hashSlots()
                    || prior != null && (prior[at] != 0 || prior[at + 1] != 0 || prior[at + 2] != 0);
        }
        return learnable;
    }

    private static void logits(float[] weights, float[] bias, FeatureVector x, double[] scores) {
        for (int c = 0; c < ModelClasses.COUNT; c++) {
            scores[c] = bias[c];
        }
        for (int i = 0; i < x.size(); i++) {
            int at = x.index(i) * ModelClasses.COUNT;
            float value = x.value(i);
            for (int c = 0; c < ModelClasses.COUNT; c++) {
                scores[c] += weights[at + c] * value;
            }
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
