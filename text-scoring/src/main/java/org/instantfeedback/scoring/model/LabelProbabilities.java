package org.instantfeedback.scoring.model;

import org.instantfeedback.scoring.SentimentLabel;

/**
 * A model's calibrated probabilities of the three classes of a text; they add up to 1.
 */
public record LabelProbabilities(double negative, double neutral, double positive) {

    static LabelProbabilities of(double[] p) {
        return new LabelProbabilities(p[ModelClasses.NEGATIVE], p[ModelClasses.NEUTRAL], p[ModelClasses.POSITIVE]);
    }

    /** The most probable class; on a tie the more cautious one (negative, then neutral). */
    public SentimentLabel label() {
        if (negative >= neutral && negative >= positive) {
            return SentimentLabel.NEGATIVE;
        }
        return neutral >= positive ? SentimentLabel.NEUTRAL : SentimentLabel.POSITIVE;
    }

    public double of(SentimentLabel label) {
        return switch (label) {
            case NEGATIVE -> negative;
            case NEUTRAL -> neutral;
            case POSITIVE -> positive;
            default -> 0.0;
        };
    }

    /** Positive minus negative probability: a sentiment score in [-1, 1]. */
    public double balance() {
        return positive - negative;
    }
}
