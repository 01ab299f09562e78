package org.instantfeedback.alerting.baseline;

/**
 * An exponentially weighted moving average and how many periods went into it.
 *
 * <p>While it has seen fewer periods than its weight implies (fewer than about span/2), it is the
 * plain mean of them: each new period weighs {@code 1/n} rather than the EWMA weight. An EWMA that
 * starts from its first period and then moves by a small weight would otherwise stay near that one
 * period, so a young baseline would be only as good as the first quarter hour it saw. Once
 * {@code 1/n} falls below the weight this is the usual EWMA.
 */
public record Ewma(double value, long samples) {
    public static final Ewma EMPTY = new Ewma(0, 0);

    /** With one more period's value; the first value is taken as it is, then the mean, then the EWMA. */
    public Ewma with(double next, double weight) {
        double effective = Math.max(weight, 1.0 / (samples + 1));
        return new Ewma(value + effective * (next - value), samples + 1);
    }

    /** With {@code periods} more periods of zero. */
    public Ewma withZeros(long periods, double weight) {
        Ewma result = this;
        long left = periods;
        // the plain-mean phase lasts fewer than 1/weight periods (at most 50,000 at the largest span)
        while (left > 0 && 1.0 / (result.samples + 1) > weight) {
            result = result.with(0, weight);
            left--;
        }
        if (left <= 0) {
            return result;
        }
        return new Ewma(result.value * Math.pow(1 - weight, left), result.samples + left);
    }
}
