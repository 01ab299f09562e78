package org.instantfeedback.alerting.baseline;

import java.time.Duration;
import java.util.Objects;

/**
 * How baselines learn what is usual for a subject. Both are exponentially weighted moving averages
 * (EWMA) over completed periods, with weight 2/(span+1) on the newest, the usual "span-period"
 * EWMA: its memory is about {@code span} periods, so by default about a day for both.
 *
 * <ul>
 *   <li>Usual CSAT: the CSAT of each completed {@code csatPeriod} (1 h) with at least
 *       {@code csatMinRatings} (5) ratings; hours with fewer ratings are skipped, since their CSAT
 *       is noise. Warm after {@code csatWarmUpPeriods} (6) such hours.</li>
 *   <li>Usual complaints: the complaints of each completed {@code complaintPeriod} (15 min),
 *       counting quiet periods as zero, so a night without complaints lowers the usual rate as it
 *       should. Warm after {@code complaintWarmUpPeriods} (96 = one day) periods.</li>
 * </ul>
 * Changing these settings changes what stored baselines mean: they are deployment configuration
 * (feedback-streams reads them from {@code ALERT_BASELINE_*} variables), not run-time rules. A young
 * baseline is the plain mean of its periods (see {@link Ewma}).
 */
public record BaselineSettings(Duration csatPeriod, int csatSpan, int csatMinRatings, int csatWarmUpPeriods,
                               Duration complaintPeriod, int complaintSpan, int complaintWarmUpPeriods) {
    public static final BaselineSettings DEFAULT = new BaselineSettings(Duration.ofHours(1), 24, 5, 6,
            Duration.ofMinutes(15), 96, 96);

    public BaselineSettings {
        positive(csatPeriod, "csatPeriod");
        positive(complaintPeriod, "complaintPeriod");
        atLeastOne(csatSpan, "csatSpan");
        atLeastOne(csatMinRatings, "csatMinRatings");
        atLeastOne(csatWarmUpPeriods, "csatWarmUpPeriods");
        atLeastOne(complaintSpan, "complaintSpan");
        atLeastOne(complaintWarmUpPeriods, "complaintWarmUpPeriods");
    }

    double csatWeight() {
        return 2.0 / (csatSpan + 1);
    }

    double complaintWeight() {
        return 2.0 / (complaintSpan + 1);
    }

    private static void positive(Duration period, String name) {
        Objects.requireNonNull(period, name);
        if (period.toMillis() <= 0) {
            throw new IllegalArgumentException(name + " must be at least one millisecond, was " + period);
        }
    }

    private static void atLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
