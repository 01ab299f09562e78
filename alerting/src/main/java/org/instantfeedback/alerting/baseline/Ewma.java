package org.instantfeedback.alerting.baseline;

/** An exponentially weighted moving average and how many periods went into it. */
public record Ewma(double value, long samples) {
    public static final Ewma EMPTY = new Ewma(0, 0);

    /** With one more period's value; the first value is taken as it is, not blended with zero. */
    public Ewma with(double next, double weight) {
        if (samples == 0) {
            return new Ewma(next, 1);
        }
        return new Ewma(value + weight * (next - value), samples + 1);
    }

    /** With {@code periods} more periods of zero, in one step. */
    public Ewma withZeros(long periods, double weight) {
        if (periods <= 0) {
            return this;
        }
        return new Ewma(value * Math.pow(1 - weight, periods), samples + periods);
    }
}
