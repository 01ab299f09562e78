package org.instantfeedback.alerting.baseline;

import java.time.Duration;
import java.time.Instant;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.measures.Csat;

/**
 * Learns each subject's usual CSAT and usual number of complaints from its feedback, as described
 * in {@link BaselineSettings}. Only completed periods count: the period still open is what an alert
 * compares against the baseline, so it must not pull the baseline towards itself.
 *
 * <p>Feedback older than the open period (late, within the grace the pipeline allows) counts in
 * the open period: a baseline over a day of periods does not notice a few minutes' shift, and this
 * keeps the state to one open period.
 */
public final class BaselineLearner {
    private final BaselineSettings settings;

    public BaselineLearner(BaselineSettings settings) {
        this.settings = settings;
    }

    /** The baseline with one more piece of feedback counted. */
    public SubjectBaseline observe(SubjectBaseline baseline, FeedbackObservation observation) {
        Instant at = observation.occurredAt();
        long csatPeriod = period(at, settings.csatPeriod());
        Ewma csat = baseline.csat();
        long rated = baseline.csatRated();
        long satisfied = baseline.csatSatisfied();
        if (baseline.csatPeriod() != SubjectBaseline.NO_PERIOD && csatPeriod > baseline.csatPeriod()) {
            csat = closedCsat(csat, rated, satisfied);
            rated = 0;
            satisfied = 0;
        } else if (baseline.csatPeriod() != SubjectBaseline.NO_PERIOD) {
            csatPeriod = baseline.csatPeriod();
        }
        if (observation.stars().isPresent()) {
            rated++;
            satisfied += observation.isSatisfied() ? 1 : 0;
        }
        Complaints complaints = complaintsAt(baseline, period(at, settings.complaintPeriod()));
        long count = complaints.openCount() + (observation.isComplaint() ? 1 : 0);
        return new SubjectBaseline(csatPeriod, rated, satisfied, csat, complaints.period(), count, complaints.rate());
    }

    /** The usual CSAT in percent at {@code now}. */
    public BaselineReading csat(SubjectBaseline baseline, Instant now) {
        Ewma csat = baseline.csat();
        if (baseline.csatPeriod() != SubjectBaseline.NO_PERIOD
                && period(now, settings.csatPeriod()) > baseline.csatPeriod()) {
            csat = closedCsat(csat, baseline.csatRated(), baseline.csatSatisfied());
        }
        return reading(csat, settings.csatWarmUpPeriods(), 1.0);
    }

    /** The usual number of complaints in a window of {@code window} at {@code now}. */
    public BaselineReading usualComplaints(SubjectBaseline baseline, Duration window, Instant now) {
        if (baseline.complaintPeriod() == SubjectBaseline.NO_PERIOD) {
            return BaselineReading.NONE;
        }
        Complaints complaints = complaintsAt(baseline, Math.max(baseline.complaintPeriod(),
                period(now, settings.complaintPeriod())));
        double periodsPerWindow = (double) window.toMillis() / settings.complaintPeriod().toMillis();
        return reading(complaints.rate(), settings.complaintWarmUpPeriods(), periodsPerWindow);
    }

    private record Complaints(long period, long openCount, Ewma rate) {
    }

    // Moving to a later period closes the open one and counts every period skipped as zero complaints.
    private Complaints complaintsAt(SubjectBaseline baseline, long period) {
        long open = baseline.complaintPeriod();
        if (open == SubjectBaseline.NO_PERIOD) {
            return new Complaints(period, 0, baseline.complaintRate());
        }
        if (period <= open) {
            return new Complaints(open, baseline.complaints(), baseline.complaintRate());
        }
        double weight = settings.complaintWeight();
        Ewma rate = baseline.complaintRate().with(baseline.complaints(), weight).withZeros(period - open - 1, weight);
        return new Complaints(period, 0, rate);
    }

    private Ewma closedCsat(Ewma csat, long rated, long satisfied) {
        if (rated < settings.csatMinRatings()) {
            return csat;
        }
        // At least csatMinRatings (one or more) ratings, so the share is defined.
        return csat.with(Csat.percent(satisfied, rated).getAsDouble(), settings.csatWeight());
    }

    private static BaselineReading reading(Ewma ewma, int warmUp, double scale) {
        if (ewma.samples() == 0) {
            return BaselineReading.NONE;
        }
        return new BaselineReading(ewma.value() * scale, ewma.samples(), ewma.samples() >= warmUp);
    }

    private static long period(Instant at, Duration period) {
        return Math.floorDiv(at.toEpochMilli(), period.toMillis());
    }
}
