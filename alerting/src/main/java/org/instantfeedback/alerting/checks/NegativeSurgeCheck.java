package org.instantfeedback.alerting.checks;

import static org.instantfeedback.alerting.Wording.count;
import static org.instantfeedback.alerting.Wording.number;
import static org.instantfeedback.alerting.Wording.people;
import static org.instantfeedback.alerting.Wording.percent;

import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.Severity;
import org.instantfeedback.alerting.Wording;
import org.instantfeedback.alerting.metrics.ResponseCounts;
import org.instantfeedback.alerting.metrics.WindowFigures;
import org.instantfeedback.alerting.rules.AlertRules;
import org.instantfeedback.alerting.rules.NegativeSurgeRule;

/**
 * Negative surge: the share of negative texts among scored texts. A window with fewer texts or
 * fewer people complaining than the rule's minimums counts as healthy: a share of a handful of
 * texts, or of one person's messages, is no surge.
 */
public final class NegativeSurgeCheck implements WindowCheck {
    private final Wording wording;

    public NegativeSurgeCheck(Wording wording) {
        this.wording = wording;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.NEGATIVE_SURGE;
    }

    @Override
    public Assessment assess(String subject, AlertFigures figures, AlertRules rules) {
        NegativeSurgeRule rule = rules.negativeSurge();
        WindowFigures window = figures.window();
        ResponseCounts counts = window.counts();
        if (counts.scoredTexts() < rule.minTexts() || window.complainants() < rule.minSenders()) {
            return Assessment.healthy("now " + count(counts.scoredTexts(), "text", "texts") + " and "
                    + people(window.complainants(), window.sendersExact()) + " complaining "
                    + wording.window(window.window()) + ", fewer than the " + rule.minTexts() + " texts and "
                    + rule.minSenders() + " people a surge needs");
        }
        double share = counts.negativeSharePercent().orElse(0);
        if (share >= rule.criticalSharePercent()) {
            return Assessment.breach(Severity.CRITICAL, breach(subject, window, share, rule.criticalSharePercent(),
                    "the critical "));
        }
        if (share >= rule.openSharePercent()) {
            return Assessment.breach(Severity.WARNING, breach(subject, window, share, rule.openSharePercent(), "the "));
        }
        String now = "now " + percent(share) + " negative (" + texts(counts) + ") " + wording.window(window.window());
        if (share < rule.clearSharePercent()) {
            return Assessment.healthy(now + ", below the " + number(rule.clearSharePercent()) + " % clear level");
        }
        return Assessment.between(now + ", between the " + number(rule.clearSharePercent()) + " % clear level and the "
                + number(rule.openSharePercent()) + " % threshold");
    }

    private String breach(String subject, WindowFigures window, double share, double threshold, String which) {
        return "Negative share on " + subject + " reached " + percent(share) + " (" + texts(window.counts()) + "; "
                + people(window.complainants(), window.sendersExact()) + " complaining) "
                + wording.window(window.window()) + ", " + (share > threshold ? "above " : "at ") + which
                + number(threshold) + " % threshold.";
    }

    private static String texts(ResponseCounts counts) {
        return counts.negativeTexts() + " of " + count(counts.scoredTexts(), "text", "texts");
    }
}
