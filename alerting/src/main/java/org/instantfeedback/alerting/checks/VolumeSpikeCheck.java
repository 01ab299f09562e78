package org.instantfeedback.alerting.checks;

import static org.instantfeedback.alerting.Wording.count;
import static org.instantfeedback.alerting.Wording.decimal;
import static org.instantfeedback.alerting.Wording.number;
import static org.instantfeedback.alerting.Wording.people;

import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.Severity;
import org.instantfeedback.alerting.Wording;
import org.instantfeedback.alerting.baseline.BaselineReading;
import org.instantfeedback.alerting.metrics.WindowFigures;
import org.instantfeedback.alerting.rules.AlertRules;
import org.instantfeedback.alerting.rules.VolumeSpikeRule;

/**
 * Complaint spike: complaints in the window against the subject's usual number for a window of
 * that length. Nothing opens before the usual rate is learnt (warm-up); the minimum number of
 * complaints keeps a usually silent subject from alerting on a handful.
 */
public final class VolumeSpikeCheck implements WindowCheck {
    /** Below this the usual rate reads as "almost none" and a ratio would only impress. */
    private static final double ALMOST_NONE = 0.05;

    private final Wording wording;

    public VolumeSpikeCheck(Wording wording) {
        this.wording = wording;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.VOLUME_SPIKE;
    }

    @Override
    public Assessment assess(String subject, AlertFigures figures, AlertRules rules) {
        VolumeSpikeRule rule = rules.volumeSpike();
        WindowFigures window = figures.window();
        long complaints = window.counts().complaints();
        String now = "now " + count(complaints, "complaint", "complaints") + " from "
                + people(window.complainants(), window.sendersExact()) + " " + wording.window(window.window());
        BaselineReading usual = figures.usualComplaints();
        if (!usual.warm()) {
            return Assessment.healthy(now + ", and the usual rate is still being learnt");
        }
        if (complaints < rule.minComplaints() || window.complainants() < rule.minSenders()) {
            return Assessment.healthy(now + ", fewer than the " + rule.minComplaints() + " complaints and "
                    + rule.minSenders() + " people a spike needs");
        }
        double ratio = usual.value() > 0 ? complaints / usual.value() : Double.POSITIVE_INFINITY;
        if (ratio >= rule.criticalFactor()) {
            return Assessment.breach(Severity.CRITICAL, breach(subject, window, usual.value(), ratio,
                    "the critical " + number(rule.criticalFactor())));
        }
        if (ratio >= rule.spikeFactor()) {
            return Assessment.breach(Severity.WARNING, breach(subject, window, usual.value(), ratio,
                    "the " + number(rule.spikeFactor())));
        }
        if (complaints < rule.clearFactor() * usual.value()) {
            return Assessment.healthy(now + ", below " + number(rule.clearFactor()) + " times the usual "
                    + decimal(usual.value()));
        }
        return Assessment.between(now + ", " + decimal(ratio) + " times the usual " + decimal(usual.value()));
    }

    private String breach(String subject, WindowFigures window, double usual, double ratio, String threshold) {
        String opening = "Complaints on " + subject + " reached " + window.counts().complaints() + " from "
                + people(window.complainants(), window.sendersExact()) + " " + wording.window(window.window());
        if (usual < ALMOST_NONE) {
            return opening + ", where there are usually almost none.";
        }
        return opening + ", " + decimal(ratio) + " times the usual " + decimal(usual) + ", at or above " + threshold
                + "x threshold.";
    }
}
