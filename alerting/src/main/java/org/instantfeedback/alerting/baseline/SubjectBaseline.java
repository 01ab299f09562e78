package org.instantfeedback.alerting.baseline;

import java.util.Objects;

/**
 * What is usual for one subject (or group), as stored between events: the two averages over
 * completed periods and the counts of the period still open. Updated by {@link BaselineLearner}.
 *
 * @param csatPeriod      index of the open CSAT period (epoch millis / period), or {@link #NO_PERIOD}
 * @param csatRated       5-point ratings in the open CSAT period
 * @param csatSatisfied   of those, ratings of 4 or 5
 * @param csat            usual CSAT in percent over completed periods
 * @param complaintPeriod index of the open complaint period, or {@link #NO_PERIOD}
 * @param complaints      complaints in the open complaint period
 * @param complaintRate   usual complaints per period over completed periods
 */
public record SubjectBaseline(long csatPeriod, long csatRated, long csatSatisfied, Ewma csat, long complaintPeriod,
                              long complaints, Ewma complaintRate) {
    public static final long NO_PERIOD = Long.MIN_VALUE;
    public static final SubjectBaseline NONE = new SubjectBaseline(NO_PERIOD, 0, 0, Ewma.EMPTY, NO_PERIOD, 0,
            Ewma.EMPTY);

    public SubjectBaseline {
        Objects.requireNonNull(csat, "csat");
        Objects.requireNonNull(complaintRate, "complaintRate");
        if (csatRated < 0 || csatSatisfied < 0 || csatSatisfied > csatRated || complaints < 0) {
            throw new IllegalArgumentException("inconsistent baseline counts: rated=" + csatRated + " satisfied="
                    + csatSatisfied + " complaints=" + complaints);
        }
    }
}
