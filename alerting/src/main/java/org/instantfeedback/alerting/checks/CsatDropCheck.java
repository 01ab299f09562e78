package org.instantfeedback.alerting.checks;

import static org.instantfeedback.alerting.Wording.count;
import static org.instantfeedback.alerting.Wording.number;
import static org.instantfeedback.alerting.Wording.people;
import static org.instantfeedback.alerting.Wording.percent;

import java.util.OptionalDouble;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.Severity;
import org.instantfeedback.alerting.Wording;
import org.instantfeedback.alerting.metrics.ResponseCounts;
import org.instantfeedback.alerting.metrics.WindowFigures;
import org.instantfeedback.alerting.rules.AlertRules;
import org.instantfeedback.alerting.rules.CsatDropRule;

/**
 * CSAT drop: CSAT below a floor, or far below the subject's usual CSAT once that is known. When
 * both apply the more severe one is reported (the floor on a tie: it needs no baseline to explain).
 * Too few ratings, or too few unhappy people, count as healthy: one person's ratings are no drop.
 */
public final class CsatDropCheck implements WindowCheck {
    private final Wording wording;

    public CsatDropCheck(Wording wording) {
        this.wording = wording;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.CSAT_DROP;
    }

    @Override
    public Assessment assess(String subject, AlertFigures figures, AlertRules rules) {
        CsatDropRule rule = rules.csatDrop();
        WindowFigures window = figures.window();
        ResponseCounts counts = window.counts();
        if (counts.ratedResponses() < rule.minRatings() || window.complainants() < rule.minSenders()) {
            return Assessment.healthy("now " + count(counts.ratedResponses(), "rating", "ratings") + " and "
                    + people(window.complainants(), window.sendersExact()) + " unhappy "
                    + wording.window(window.window()) + ", fewer than the " + rule.minRatings() + " ratings and "
                    + rule.minSenders() + " people a drop needs");
        }
        double csat = counts.csatPercent().orElse(100);
        OptionalDouble usual = figures.csatBaseline().ifWarm();
        Severity byFloor = csat < rule.criticalFloorPercent() ? Severity.CRITICAL
                : csat < rule.floorPercent() ? Severity.WARNING : null;
        double drop = usual.isPresent() ? usual.getAsDouble() - csat : Double.NEGATIVE_INFINITY;
        Severity byBaseline = drop >= rule.criticalDropPoints() ? Severity.CRITICAL
                : drop >= rule.dropPoints() ? Severity.WARNING : null;
        if (byFloor != null && (byBaseline == null || !byBaseline.isAbove(byFloor))) {
            return Assessment.breach(byFloor, floorSentence(subject, window, csat, rule, byFloor));
        }
        if (byBaseline != null) {
            return Assessment.breach(byBaseline, baselineSentence(subject, window, csat, usual.getAsDouble(), rule,
                    byBaseline));
        }
        return healthyOrBetween(window, csat, usual, rule);
    }

    private Assessment healthyOrBetween(WindowFigures window, double csat, OptionalDouble usual, CsatDropRule rule) {
        String now = "now CSAT " + percent(csat) + " (" + satisfied(window.counts()) + ") " + wording.window(window.window());
        boolean aboveClearFloor = csat >= rule.clearFloorPercent();
        boolean nearUsual = usual.isEmpty() || usual.getAsDouble() - csat < rule.clearDropPoints();
        if (aboveClearFloor && nearUsual) {
            return Assessment.healthy(now + ", at or above the " + number(rule.clearFloorPercent()) + " % clear level"
                    + (usual.isPresent() ? " and within " + number(rule.clearDropPoints()) + " points of its usual "
                    + percent(usual.getAsDouble()) : ""));
        }
        return Assessment.between(now + (aboveClearFloor
                ? ", still " + number(rule.clearDropPoints()) + " points or more below its usual "
                + percent(usual.getAsDouble())
                : ", below the " + number(rule.clearFloorPercent()) + " % clear level"));
    }

    private String floorSentence(String subject, WindowFigures window, double csat, CsatDropRule rule, Severity severity) {
        double floor = severity == Severity.CRITICAL ? rule.criticalFloorPercent() : rule.floorPercent();
        return opening(subject, window, csat) + ", below the " + (severity == Severity.CRITICAL ? "critical " : "")
                + number(floor) + " % floor.";
    }

    private String baselineSentence(String subject, WindowFigures window, double csat, double usual, CsatDropRule rule,
                                    Severity severity) {
        double limit = severity == Severity.CRITICAL ? rule.criticalDropPoints() : rule.dropPoints();
        return opening(subject, window, csat) + ", " + Math.round(usual - csat) + " points below its usual "
                + percent(usual) + " (" + (severity == Severity.CRITICAL ? "critical" : "alert") + " from "
                + number(limit) + " points).";
    }

    private String opening(String subject, WindowFigures window, double csat) {
        return "CSAT on " + subject + " fell to " + percent(csat) + " (" + satisfied(window.counts()) + "; "
                + people(window.complainants(), window.sendersExact()) + " unhappy) " + wording.window(window.window());
    }

    private static String satisfied(ResponseCounts counts) {
        return counts.satisfiedResponses() + " of " + count(counts.ratedResponses(), "rating", "ratings") + " satisfied";
    }
}
