package org.instantfeedback.alerting.baseline;

import java.util.OptionalDouble;

/**
 * What a baseline says now: the usual value, how many periods it learnt from, and whether that is
 * enough to alert on (warm). Alerts never compare against a cold baseline.
 */
public record BaselineReading(double value, long samples, boolean warm) {
    public static final BaselineReading NONE = new BaselineReading(0, 0, false);

    /** The usual value, if the baseline is warm. */
    public OptionalDouble ifWarm() {
        return warm ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** A warm reading, for callers that know the usual value from elsewhere (and for tests). */
    public static BaselineReading warm(double value) {
        return new BaselineReading(value, Long.MAX_VALUE, true);
    }
}
