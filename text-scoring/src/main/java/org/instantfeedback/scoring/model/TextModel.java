package org.instantfeedback.scoring.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A three-class linear model of what a text says (multinomial logistic regression), with
 * calibrated probabilities: the softmax of its scores divided by a temperature fitted on texts it
 * was not trained on. Immutable and thread-safe; reading a text costs one multiply-add per feature
 * and class, and no allocation beyond the result.
 *
 * <p>Made by {@link Trainer}, written and read by {@link TextModelFile}.
 */
public final class TextModel {

    private final ModelInfo info;
    private final FeatureLayout layout;
    /** Per feature, its three class weights side by side: one cache line serves all three. */
    private final float[] weights;
    private final float[] bias;
    private final float temperature;

    TextModel(ModelInfo info, FeatureLayout layout, float[] weights, float[] bias, float temperature) {
        this.info = Objects.requireNonNull(info, "info");
        this.layout = Objects.requireNonNull(layout, "layout");
        if (weights.length != layout.featureCount() * ModelClasses.COUNT) {
            throw new IllegalArgumentException("expected " + layout.featureCount() * ModelClasses.COUNT
                    + " weights for " + layout + ", got " + weights.length);
        }
        if (bias.length != ModelClasses.COUNT) {
            throw new IllegalArgumentException("expected " + ModelClasses.COUNT + " biases, got " + bias.length);
        }
        if (!(temperature > 0) || Float.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        this.weights = weights;
        this.bias = bias;
        this.temperature = temperature;
    }

    public ModelInfo info() {
        return info;
    }

    public String version() {
        return info.version();
    }

    public FeatureLayout layout() {
        return layout;
    }

    public float temperature() {
        return temperature;
    }

    /** Whether texts in this language get the model's reading ("und": texts without words). */
    public boolean reads(String language) {
        return info.languages().contains(language);
    }

    public LabelProbabilities probabilities(FeatureVector features) {
        double[] scores = scores(features);
        for (int c = 0; c < scores.length; c++) {
            scores[c] /= temperature;
        }
        return LabelProbabilities.of(softmax(scores));
    }

    /** Uncalibrated class scores (logits). */
    double[] scores(FeatureVector features) {
        double negative = bias[0];
        double neutral = bias[1];
        double positive = bias[2];
        for (int i = 0; i < features.size(); i++) {
            int at = features.index(i) * ModelClasses.COUNT;
            float value = features.value(i);
            negative += weights[at] * value;
            neutral += weights[at + 1] * value;
            positive += weights[at + 2] * value;
        }
        return new double[] {negative, neutral, positive};
    }

    /** Softmax with {@link StrictMath}: the trainer and calibration use it too, and must be exact on every machine. */
    static double[] softmax(double[] scores) {
        double max = Math.max(scores[0], Math.max(scores[1], scores[2]));
        double sum = 0.0;
        double[] p = new double[scores.length];
        for (int c = 0; c < scores.length; c++) {
            p[c] = StrictMath.exp(scores[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < scores.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    public TextModel withInfo(ModelInfo newInfo) {
        return new TextModel(newInfo, layout, weights, bias, temperature);
    }

    /** The same model with another temperature (see {@link Calibration}). */
    public TextModel withTemperature(float newTemperature) {
        return new TextModel(info, layout, weights, bias, newTemperature);
    }

    /** A copy of the weights, for training on top of this model. */
    float[] weightsCopy() {
        return weights.clone();
    }

    float[] biasCopy() {
        return bias.clone();
    }

    /** For the file writer only: the arrays themselves, never to be changed. */
    float[] weightsView() {
        return weights;
    }

    float[] biasView() {
        return bias;
    }

    /** Features with any non-zero weight: what the model learned from. */
    public int activeFeatures() {
        int active = 0;
        for (int f = 0; f < layout.featureCount(); f++) {
            int at = f * ModelClasses.COUNT;
            if (weights[at] != 0 || weights[at + 1] != 0 || weights[at + 2] != 0) {
                active++;
            }
        }
        return active;
    }

    /** Same weights, bias, temperature and layout (the card may differ). */
    public boolean sameParameters(TextModel other) {
        return layout.equals(other.layout) && temperature == other.temperature
                && Arrays.equals(bias, other.bias) && Arrays.equals(weights, other.weights);
    }

    @Override
    public String toString() {
        return "TextModel[" + info.version() + ", languages " + info.languages() + ", " + layout + "]";
    }
}
