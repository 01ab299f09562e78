package org.instantfeedback.measures;

import java.util.OptionalDouble;

/**
 * CSAT (customer satisfaction): the share of satisfied ratings, where a rating is satisfied when
 * its 5-point equivalent ({@link RatingNormalisation}) is 4 or 5.
 */
public final class Csat {
    private static final int SATISFIED_FROM = 4;

    private Csat() {
    }

    /** Whether a 5-point rating (1-5) counts as satisfied. */
    public static boolean isSatisfied(int fivePoint) {
        return fivePoint >= SATISFIED_FROM;
    }

    /** Satisfied ratings among all rated, in percent, unrounded; empty when nothing was rated. */
    public static OptionalDouble percent(long satisfied, long rated) {
        return rated == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * satisfied / rated);
    }
}
