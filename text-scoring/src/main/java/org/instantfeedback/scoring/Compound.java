package org.instantfeedback.scoring;

/** VADER's sum of item valences, amplified by '!' and '?', normalised to [-1, 1]. */
final class Compound {

    private Compound() {
    }

    static double of(double[] sentiments, int exclamations, int questions) {
        double sum = 0.0;
        for (double sentiment : sentiments) {
            sum += sentiment;
        }
        double emphasis = punctuationEmphasis(exclamations, questions);
        if (sum > 0) {
            sum += emphasis;
        } else if (sum < 0) {
            sum -= emphasis;
        }
        return round(normalize(sum));
    }

    static double punctuationEmphasis(int exclamations, int questions) {
        double emphasis = Math.min(exclamations, VaderRules.MAX_EXCLAMATIONS) * VaderRules.PER_EXCLAMATION;
        if (questions > 1) {
            emphasis += questions <= 3 ? questions * VaderRules.PER_QUESTION : VaderRules.MANY_QUESTIONS;
        }
        return emphasis;
    }

    static double normalize(double score) {
        double normalized = score / Math.sqrt(score * score + VaderRules.NORMALIZATION_ALPHA);
        return Math.max(-1.0, Math.min(1.0, normalized));
    }

    /** Four decimals, as VADER reports it; more would suggest a precision the method lacks. */
    private static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
