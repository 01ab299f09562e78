package org.instantfeedback.measures;

import java.util.Optional;

/** Where a 0-10 likelihood-to-recommend rating puts the customer: the usual Net Promoter cut. */
public enum NpsCategory {
    /** 9 or 10. */
    PROMOTER,
    /** 7 or 8. */
    PASSIVE,
    /** 0 to 6. */
    DETRACTOR;

    private static final int PROMOTER_FROM = 9;
    private static final int PASSIVE_FROM = 7;

    /** The category of a 0-10 score, or empty when the score is outside 0-10. */
    public static Optional<NpsCategory> of(int score) {
        if (score < 0 || score > 10) {
            return Optional.empty();
        }
        if (score >= PROMOTER_FROM) {
            return Optional.of(PROMOTER);
        }
        return Optional.of(score >= PASSIVE_FROM ? PASSIVE : DETRACTOR);
    }
}
