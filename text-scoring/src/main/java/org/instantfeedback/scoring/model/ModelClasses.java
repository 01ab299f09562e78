package org.instantfeedback.scoring.model;

import java.util.List;

import org.instantfeedback.scoring.SentimentLabel;

/** The three classes a {@link TextModel} tells apart, in the order of its weights and probabilities. */
public final class ModelClasses {

    public static final int COUNT = 3;
    public static final int NEGATIVE = 0;
    public static final int NEUTRAL = 1;
    public static final int POSITIVE = 2;
    public static final List<SentimentLabel> LABELS =
            List.of(SentimentLabel.NEGATIVE, SentimentLabel.NEUTRAL, SentimentLabel.POSITIVE);

    private ModelClasses() {
    }

    public static SentimentLabel label(int index) {
        return LABELS.get(index);
    }

    /** The class of a polar or neutral label; -1 for UNKNOWN, which no model is trained on. */
    public static int index(SentimentLabel label) {
        return switch (label) {
            case NEGATIVE -> NEGATIVE;
            case NEUTRAL -> NEUTRAL;
            case POSITIVE -> POSITIVE;
            default -> -1;
        };
    }

    static int argmax(double[] scores) {
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }
}
