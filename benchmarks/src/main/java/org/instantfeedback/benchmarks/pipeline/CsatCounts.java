package org.instantfeedback.benchmarks.pipeline;

/** The counts behind one subject's CSAT in one window: what both jobs must agree on. */
record CsatCounts(String subject, long windowStart, long rated, long satisfied, long ratingSum) {

    String windowKey() {
        return subject + "@" + windowStart;
    }
}
