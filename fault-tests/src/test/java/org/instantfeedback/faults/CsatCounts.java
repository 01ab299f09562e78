package org.instantfeedback.faults;

/**
 * The counts behind one CSAT window of one subject: ratings counted, satisfied ones, their sum.
 * Both the independent computation and the pipeline's output are compared in these terms, since
 * the percentage and the average follow from them.
 */
record CsatCounts(long rated, long satisfied, long ratingSum) {
    static final CsatCounts NONE = new CsatCounts(0, 0, 0);

    CsatCounts plusRating(int fivePoint) {
        return new CsatCounts(rated + 1, satisfied + (fivePoint >= 4 ? 1 : 0), ratingSum + fivePoint);
    }
}
