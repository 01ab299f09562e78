package org.instantfeedback.measures;

import java.util.OptionalDouble;

/**
 * NPS (net promoter score) of a set of 0-10 ratings, counted by {@link NpsCategory}: the percentage
 * of promoters minus the percentage of detractors, from -100 to 100.
 */
public final class Nps {
    private Nps() {
    }

    /** The score of these counts, unrounded; empty when there is no 0-10 rating. */
    public static OptionalDouble score(long promoters, long passives, long detractors) {
        long responses = promoters + passives + detractors;
        return responses == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(100.0 * (promoters - detractors) / responses);
    }
}
