package org.instantfeedback.scoring;

/**
 * A score written as a fraction of 5 or 10 ("2/5", "10/10"): common in SMS feedback and not in any
 * lexicon. Its valence is linear in the fraction, zero at 3/5 (the middle of a CSAT scale) and
 * +-2.4 at the ends of a five-point scale, about a "good"/"bad" word on VADER's scale.
 */
final class RatingFraction {

    private static final double NEUTRAL_SHARE = 0.6;
    private static final double VALENCE_PER_SHARE = 6.0;

    private RatingFraction() {
    }

    /** The valence of {@code key} if it is a rating out of 5 or 10, else NaN. */
    static double valenceOf(String key) {
        int slash = key.indexOf('/');
        if (slash < 1 || slash > 2 || key.length() - slash - 1 < 1 || key.length() - slash - 1 > 2) {
            return Double.NaN;
        }
        int numerator = digits(key, 0, slash);
        int denominator = digits(key, slash + 1, key.length());
        if (numerator < 0 || (denominator != 5 && denominator != 10) || numerator > denominator) {
            return Double.NaN;
        }
        return ((double) numerator / denominator - NEUTRAL_SHARE) * VALENCE_PER_SHARE;
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
