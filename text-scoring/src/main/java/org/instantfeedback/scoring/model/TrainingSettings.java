package org.instantfeedback.scoring.model;

/**
 * How the {@link Trainer} learns.
 *
 * @param epochs       passes over the examples, each in its own seeded order
 * @param learningRate AdaGrad's step size
 * @param l2           pull of each weight towards the prior's (or towards 0 without a prior), applied
 *                     whenever its feature occurs
 * @param seed         of the example order; the same examples and seed give the same model, bit for bit
 * @param minCount     a feature (a word, a pair) must occur in at least this many examples to be
 *                     learned, unless the prior model already knows it: one that occurs once only
 *                     lets the model memorise that one text, and costs room in the model file
 */
public record TrainingSettings(int epochs, double learningRate, double l2, long seed, int minCount) {

    /** Chosen on the development sets' held-back splits (see the model card). */
    public static final TrainingSettings BASE = new TrainingSettings(8, 0.05, 1e-4, 20261206L, 2);

    public TrainingSettings {
        if (epochs < 1 || epochs > 1000) {
            throw new IllegalArgumentException("epochs must be 1 to 1000, got " + epochs);
        }
        if (!(learningRate > 0) || !(l2 >= 0)) {
            throw new IllegalArgumentException("learning rate must be positive and l2 not negative");
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
    }

    public TrainingSettings withL2(double newL2) {
        return new TrainingSettings(epochs, learningRate, newL2, seed, minCount);
    }
}
