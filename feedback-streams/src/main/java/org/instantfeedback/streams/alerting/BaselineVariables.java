package org.instantfeedback.streams.alerting;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.instantfeedback.alerting.baseline.BaselineSettings;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParsers;

/**
 * The variables that say how usual CSAT and usual complaints are learnt. Deployment configuration
 * rather than rules: changing them changes what stored baselines mean. The defaults are
 * {@link BaselineSettings#DEFAULT}'s.
 */
public final class BaselineVariables {
    public static final String ALERT_BASELINE_CSAT_PERIOD = "ALERT_BASELINE_CSAT_PERIOD";
    public static final String ALERT_BASELINE_CSAT_SPAN = "ALERT_BASELINE_CSAT_SPAN";
    public static final String ALERT_BASELINE_CSAT_WARM_UP = "ALERT_BASELINE_CSAT_WARM_UP";
    public static final String ALERT_BASELINE_COMPLAINT_PERIOD = "ALERT_BASELINE_COMPLAINT_PERIOD";
    public static final String ALERT_BASELINE_COMPLAINT_SPAN = "ALERT_BASELINE_COMPLAINT_SPAN";
    public static final String ALERT_BASELINE_COMPLAINT_WARM_UP = "ALERT_BASELINE_COMPLAINT_WARM_UP";

    /** Baseline periods from a second (below that a period holds no feedback) to a week. */
    private static final Duration MIN_PERIOD = Duration.ofSeconds(1);
    private static final Duration MAX_PERIOD = Duration.ofDays(7);
    /** Spans and warm-ups beyond this many periods would take years at the default periods. */
    private static final int MAX_PERIODS = 100_000;

    private static final BaselineSettings DEFAULTS = BaselineSettings.DEFAULT;
    private static final Setting<Duration> CSAT_PERIOD = period(ALERT_BASELINE_CSAT_PERIOD, DEFAULTS.csatPeriod(),
            "Period of the usual-CSAT baseline: the CSAT of each completed period is averaged; ISO-8601,"
                    + " PT1S to P7D.");
    private static final Setting<Integer> CSAT_SPAN = count(ALERT_BASELINE_CSAT_SPAN, DEFAULTS.csatSpan(),
            "Memory of the usual-CSAT average in periods (weight 2/(span+1) on the newest), 1-100000.");
    private static final Setting<Integer> CSAT_MIN_RATINGS = count("ALERT_BASELINE_CSAT_MIN_RATINGS",
            DEFAULTS.csatMinRatings(),
            "Ratings a CSAT period needs to count in the baseline; quieter periods are skipped, 1-100000.");
    private static final Setting<Integer> CSAT_WARM_UP = count(ALERT_BASELINE_CSAT_WARM_UP,
            DEFAULTS.csatWarmUpPeriods(),
            "Counted CSAT periods before CSAT-drop alerts compare against the usual CSAT, 1-100000.");
    private static final Setting<Duration> COMPLAINT_PERIOD = period(ALERT_BASELINE_COMPLAINT_PERIOD,
            DEFAULTS.complaintPeriod(),
            "Period of the usual-complaints baseline (quiet periods count as zero); ISO-8601, PT1S to P7D.");
    private static final Setting<Integer> COMPLAINT_SPAN = count(ALERT_BASELINE_COMPLAINT_SPAN,
            DEFAULTS.complaintSpan(),
            "Memory of the usual-complaints average in periods (weight 2/(span+1) on the newest), 1-100000.");
    private static final Setting<Integer> COMPLAINT_WARM_UP = count(ALERT_BASELINE_COMPLAINT_WARM_UP,
            DEFAULTS.complaintWarmUpPeriods(), "Complaint periods before complaint-spike alerts can open, 1-100000.");

    public static final List<Setting<?>> SETTINGS = List.of(CSAT_PERIOD, CSAT_SPAN, CSAT_MIN_RATINGS, CSAT_WARM_UP,
            COMPLAINT_PERIOD, COMPLAINT_SPAN, COMPLAINT_WARM_UP);

    private BaselineVariables() {
    }

    /** The baselines the environment asks for; fails naming the variable that is malformed. */
    public static BaselineSettings from(Map<String, String> env) {
        return new BaselineSettings(CSAT_PERIOD.from(env), CSAT_SPAN.from(env), CSAT_MIN_RATINGS.from(env),
                CSAT_WARM_UP.from(env), COMPLAINT_PERIOD.from(env), COMPLAINT_SPAN.from(env),
                COMPLAINT_WARM_UP.from(env));
    }

    private static Setting<Duration> period(String name, Duration fallback, String meaning) {
        return Setting.of(name, fallback.toString(), ValueParsers.durationBetween(MIN_PERIOD, MAX_PERIOD), meaning);
    }

    private static Setting<Integer> count(String name, int fallback, String meaning) {
        return Setting.wholeNumber(name, fallback, 1, MAX_PERIODS, meaning);
    }
}
