package org.instantfeedback.alerting.metrics;

import java.util.OptionalDouble;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.measures.Csat;
import org.instantfeedback.measures.Nps;
import org.instantfeedback.measures.NpsCategory;

/**
 * The plain counts of a window; every figure is derived from sums, so counts of two windows (or
 * buckets) add up to the counts of both.
 *
 * @param responses          every response
 * @param ratedResponses     ratings on the 5-point scale
 * @param satisfiedResponses of those, ratings of 4 or 5
 * @param ratingSum          sum of the 5-point ratings
 * @param promoters          0-10 ratings of 9 or 10
 * @param passives           0-10 ratings of 7 or 8
 * @param detractors         0-10 ratings of 0 to 6
 * @param scoredTexts        texts whose sentiment was read (negative, neutral or positive)
 * @param negativeTexts      of those, the negative ones
 * @param urgentReports      messages flagged urgent
 * @param complaints         unhappy responses, see {@link FeedbackObservation#isComplaint()}
 */
public record ResponseCounts(long responses, long ratedResponses, long satisfiedResponses, long ratingSum,
                             long promoters, long passives, long detractors, long scoredTexts, long negativeTexts,
                             long urgentReports, long complaints) {
    public static final ResponseCounts ZERO = new ResponseCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public ResponseCounts {
        if (responses < 0 || ratedResponses < 0 || satisfiedResponses < 0 || ratingSum < 0 || promoters < 0
                || passives < 0 || detractors < 0 || scoredTexts < 0 || negativeTexts < 0 || urgentReports < 0
                || complaints < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        if (satisfiedResponses > ratedResponses || negativeTexts > scoredTexts) {
            throw new IllegalArgumentException("a part cannot exceed its whole: satisfied " + satisfiedResponses
                    + " of " + ratedResponses + " ratings, negative " + negativeTexts + " of " + scoredTexts + " texts");
        }
    }

    /** The counts of one response. */
    public static ResponseCounts of(FeedbackObservation observation) {
        NpsCategory npsCategory = observation.npsCategory().orElse(null);
        return new ResponseCounts(1,
                observation.stars().isPresent() ? 1 : 0,
                observation.isSatisfied() ? 1 : 0,
                observation.stars().orElse(0),
                npsCategory == NpsCategory.PROMOTER ? 1 : 0,
                npsCategory == NpsCategory.PASSIVE ? 1 : 0,
                npsCategory == NpsCategory.DETRACTOR ? 1 : 0,
                observation.hasScoredText() ? 1 : 0,
                observation.readsNegative() ? 1 : 0,
                observation.urgent() ? 1 : 0,
                observation.isComplaint() ? 1 : 0);
    }

    public ResponseCounts plus(ResponseCounts o) {
        return new ResponseCounts(responses + o.responses, ratedResponses + o.ratedResponses,
                satisfiedResponses + o.satisfiedResponses, ratingSum + o.ratingSum, promoters + o.promoters,
                passives + o.passives, detractors + o.detractors, scoredTexts + o.scoredTexts,
                negativeTexts + o.negativeTexts, urgentReports + o.urgentReports, complaints + o.complaints);
    }

    /** Share of satisfied 5-point ratings in percent, unrounded; empty without ratings. */
    public OptionalDouble csatPercent() {
        return Csat.percent(satisfiedResponses, ratedResponses);
    }

    /** Mean 5-point rating, unrounded; empty without ratings. */
    public OptionalDouble averageRating() {
        return ratedResponses == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) ratingSum / ratedResponses);
    }

    public long npsResponses() {
        return promoters + passives + detractors;
    }

    /** Net Promoter Score: % promoters minus % detractors (-100 to 100); empty without 0-10 ratings. */
    public OptionalDouble nps() {
        return Nps.score(promoters, passives, detractors);
    }

    /** Negative texts among texts with a sentiment, in percent, unrounded; empty without scored texts. */
    public OptionalDouble negativeSharePercent() {
        return scoredTexts == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * negativeTexts / scoredTexts);
    }
}
