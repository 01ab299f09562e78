package org.instantfeedback.scoring.model;

import java.util.List;

/**
 * Temperature scaling (Guo et al., 2017): the one number by which a model's scores are divided so
 * that its probabilities match how often it is right on texts it did not learn from. A model
 * trained to convergence is over-confident; this fixes that without changing which class wins.
 */
final class Calibration {

    static final float LOWEST = 0.05f;
    static final float HIGHEST = 20f;
    private static final int STEPS = 60;
    private static final double GOLDEN = (StrictMath.sqrt(5) - 1) / 2;

    private Calibration() {
    }

    /** The temperature with the least weighted log loss on {@code examples}, by golden-section search. */
    static float fitTemperature(TextModel model, List<TrainingExample> examples) {
        double[][] scores = new double[examples.size()][];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = model.scores(examples.get(i).features());
        }
        double low = StrictMath.log(LOWEST);
        double high = StrictMath.log(HIGHEST);
        double a = high - GOLDEN * (high - low);
        double b = low + GOLDEN * (high - low);
        double lossA = loss(scores, examples, StrictMath.exp(a));
        double lossB = loss(scores, examples, StrictMath.exp(b));
        for (int step = 0; step < STEPS; step++) {
            if (lossA <= lossB) {
                high = b;
                b = a;
                lossB = lossA;
                a = high - GOLDEN * (high - low);
                lossA = loss(scores, examples, StrictMath.exp(a));
            } else {
                low = a;
                a = b;
                lossA = lossB;
                b = low + GOLDEN * (high - low);
                lossB = loss(scores, examples, StrictMath.exp(b));
            }
        }
        return (float) StrictMath.exp((low + high) / 2);
    }

    static double loss(double[][] scores, List<TrainingExample> examples, double temperature) {
        double loss = 0.0;
        double[] scaled = new double[ModelClasses.COUNT];
        for (int i = 0; i < scores.length; i++) {
            for (int c = 0; c < ModelClasses.COUNT; c++) {
                scaled[c] = scores[i][c] / temperature;
            }
            double[] p = TextModel.softmax(scaled);
            TrainingExample example = examples.get(i);
            loss -= example.weight() * StrictMath.log(Math.max(p[example.label()], 1e-12));
        }
        return loss;
    }
}
