package org.instantfeedback.streams.csat;

import java.time.Instant;
import org.instantfeedback.events.CsatWindow;
import org.instantfeedback.measures.Csat;

/**
 * The running counts behind the CSAT of one subject in one window. Tallies add up (one rating is a
 * tally of one), so the window store keeps sums, never individual ratings, and the figures
 * (percentage, average) are derived only when shown.
 *
 * @param ratedResponses     ratings on the 5-star scale counted
 * @param satisfiedResponses ratings of 4 or 5 counted
 * @param ratingSum          sum of the counted ratings
 * @param latestEventTime    event time (epoch millis) of the latest rating counted
 */
public record CsatTally(long ratedResponses, long satisfiedResponses, long ratingSum, long latestEventTime) {
    public static final int LOWEST_STARS = 1;
    public static final int HIGHEST_STARS = 5;

    public CsatTally {
        if (ratedResponses < 0 || satisfiedResponses < 0 || satisfiedResponses > ratedResponses || ratingSum < 0) {
            throw new IllegalArgumentException("inconsistent tally: rated=" + ratedResponses
                    + " satisfied=" + satisfiedResponses + " sum=" + ratingSum);
        }
    }

    /** Nothing counted yet: what a slice starts from. */
    public static CsatTally none() {
        return new CsatTally(0, 0, 0, Long.MIN_VALUE);
    }

    /** One rating of {@code stars} (1-5) given at {@code eventTime}. */
    public static CsatTally ofRating(int stars, long eventTime) {
        if (stars < LOWEST_STARS || stars > HIGHEST_STARS) {
            throw new IllegalArgumentException("a 5-star rating must be between 1 and 5, was " + stars);
        }
        return new CsatTally(1, Csat.isSatisfied(stars) ? 1 : 0, stars, eventTime);
    }

    /** Both tallies together, as if every rating had been counted in one. */
    public CsatTally plus(CsatTally other) {
        return new CsatTally(
                ratedResponses + other.ratedResponses,
                satisfiedResponses + other.satisfiedResponses,
                ratingSum + other.ratingSum,
                Math.max(latestEventTime, other.latestEventTime));
    }

    /** Share of satisfied ratings in percent, to one decimal; 0 when nothing was rated. */
    public double csatPercent() {
        return roundTo(Csat.percent(satisfiedResponses, ratedResponses).orElse(0.0), 10);
    }

    /** Mean rating, to two decimals; 0 when nothing was rated. */
    public double averageRating() {
        if (ratedResponses == 0) {
            return 0.0;
        }
        return roundTo((double) ratingSum / ratedResponses, 100);
    }

    /** The figures of this tally as the window {@code [windowStart, windowEnd)} of {@code subject}. */
    public CsatFigures figures(String subject, Instant windowStart, Instant windowEnd) {
        return new CsatFigures(subject, windowStart, windowEnd, ratedResponses, satisfiedResponses, ratingSum,
                csatPercent(), averageRating(), Instant.ofEpochMilli(latestEventTime));
    }

    /** The event published on feedback.csat.v1 and feedback.csat.v2 for this tally. */
    public CsatWindow toCsatWindow(String subject, Instant windowStart, Instant windowEnd) {
        return CsatWindow.newBuilder()
                .setSubject(subject)
                .setWindowStart(windowStart)
                .setWindowEnd(windowEnd)
                .setRatedResponses(ratedResponses)
                .setSatisfiedResponses(satisfiedResponses)
                .setRatingSum(ratingSum)
                .setCsatPercent(csatPercent())
                .setAverageRating(averageRating())
                .setUpdatedAt(Instant.ofEpochMilli(latestEventTime))
                .build();
    }

    // Dashboards show these figures as they are; rounding here keeps every reader showing the same
    // number, and the exact counts travel alongside for anyone who needs to recompute.
    private static double roundTo(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }
}
