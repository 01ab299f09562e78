package org.instantfeedback.alerting.checks;

import java.util.Objects;
import java.util.OptionalDouble;
import org.instantfeedback.alerting.KeyFigures;
import org.instantfeedback.alerting.baseline.BaselineReading;
import org.instantfeedback.alerting.metrics.ResponseCounts;
import org.instantfeedback.alerting.metrics.WindowFigures;

/**
 * What a windowed alert kind is judged on: the figures of the window its rule names, and the
 * subject's baselines read at the same moment.
 *
 * @param window          figures of the window the kind's rule judges ({@code rule.window()})
 * @param csatBaseline    the subject's usual CSAT
 * @param usualComplaints the subject's usual number of complaints in a window of this size
 */
public record AlertFigures(WindowFigures window, BaselineReading csatBaseline, BaselineReading usualComplaints) {
    public AlertFigures {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(csatBaseline, "csatBaseline");
        Objects.requireNonNull(usualComplaints, "usualComplaints");
    }

    /** Figures without any baseline yet (no baseline-based alert can open). */
    public static AlertFigures of(WindowFigures window) {
        return new AlertFigures(window, BaselineReading.NONE, BaselineReading.NONE);
    }

    /** The key numbers for an alert record, rounded as dashboards show them. */
    public KeyFigures keyFigures() {
        ResponseCounts c = window.counts();
        return new KeyFigures(c.responses(), c.ratedResponses(), round(c.csatPercent(), 10),
                round(c.averageRating(), 100), round(c.nps(), 10), c.scoredTexts(), c.negativeTexts(),
                round(c.negativeSharePercent(), 10), c.urgentReports(), c.complaints(), window.distinctSenders(),
                window.complainants(), !window.sendersExact(), round(csatBaseline.ifWarm(), 10),
                round(usualComplaints.ifWarm(), 10));
    }

    private static Double round(OptionalDouble value, int scale) {
        return value.isPresent() ? Math.round(value.getAsDouble() * scale) / (double) scale : null;
    }
}
