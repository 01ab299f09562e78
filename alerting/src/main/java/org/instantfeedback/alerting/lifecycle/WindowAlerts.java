package org.instantfeedback.alerting.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.instantfeedback.alerting.AlertEventType;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.Resolution;
import org.instantfeedback.alerting.Wording;
import org.instantfeedback.alerting.checks.AlertFigures;
import org.instantfeedback.alerting.checks.Assessment;
import org.instantfeedback.alerting.checks.WindowCheck;
import org.instantfeedback.alerting.rules.AlertRules;
import org.instantfeedback.alerting.rules.KindRule;

/**
 * The lifecycle of alerts judged on window figures: open on a breach, escalate when the severity
 * rises, resolve once the figures have been healthy without a break for the hold-down period.
 * Figures in the hysteresis band (between the clear and the open threshold) restart the hold-down
 * clock but open nothing, so values wavering around a threshold keep one alert.
 */
final class WindowAlerts {
    private final Map<AlertKind, WindowCheck> checks;

    WindowAlerts(List<WindowCheck> checks) {
        this.checks = Map.copyOf(checks.stream().collect(Collectors.toMap(WindowCheck::kind, check -> check)));
    }

    AlertEvaluation evaluate(AlertState state, AlertFigures figures, AlertRules rules, Instant now) {
        KindRule rule = rules.forKind(state.kind());
        if (!state.isOpen()) {
            if (!rule.enabled() || state.rearming(now)) {
                return AlertEvaluation.of(state);
            }
            Assessment assessment = assess(state, figures, rules);
            return assessment.isBreach() ? open(state, assessment, figures, now) : AlertEvaluation.of(state);
        }
        Assessment assessment = assess(state, figures, rules);
        return switch (assessment.status()) {
            case BREACH -> breach(state, assessment, figures, now);
            case BETWEEN -> AlertEvaluation.of(state.withOpen(
                    state.open().judged(false, now, figures.window().window(), figures.keyFigures(),
                            AlertExamples.of(figures.window()))));
            case HEALTHY -> healthy(state, assessment, figures, rule.holdDown(), now);
        };
    }

    private Assessment assess(AlertState state, AlertFigures figures, AlertRules rules) {
        return checks.get(state.kind()).assess(state.subject(), figures, rules);
    }

    private static AlertEvaluation open(AlertState state, Assessment assessment, AlertFigures figures, Instant now) {
        long sequence = state.alertsOpened() + 1;
        String id = AlertIds.of(state.scope(), state.subject(), state.kind(), sequence, now);
        OpenAlert alert = OpenAlert.opened(id, assessment.severity(), now, figures.window().window(),
                figures.keyFigures(), AlertExamples.of(figures.window()), List.of());
        AlertState next = state.opened(alert);
        return AlertEvaluation.of(next,
                AlertEvents.of(next, alert, AlertEventType.OPENED, assessment.words(), now, null));
    }

    private static AlertEvaluation breach(AlertState state, Assessment assessment, AlertFigures figures, Instant now) {
        OpenAlert before = state.open();
        OpenAlert after = before.breached(assessment.severity(), now, figures.window().window(), figures.keyFigures(),
                AlertExamples.of(figures.window()));
        if (!after.severity().isAbove(before.severity())) {
            return AlertEvaluation.of(state.withOpen(after));
        }
        OpenAlert escalated = after.counted();
        AlertState next = state.withOpen(escalated);
        return AlertEvaluation.of(next,
                AlertEvents.of(next, escalated, AlertEventType.ESCALATED, assessment.words(), now, null));
    }

    private static AlertEvaluation healthy(AlertState state, Assessment assessment, AlertFigures figures,
                                      Duration holdDown, Instant now) {
        OpenAlert after = state.open().judged(true, now, figures.window().window(), figures.keyFigures(),
                AlertExamples.of(figures.window()));
        Duration healthyFor = Duration.between(after.healthySince(), now);
        if (healthyFor.compareTo(holdDown) < 0) {
            return AlertEvaluation.of(state.withOpen(after));
        }
        OpenAlert resolved = after.counted();
        String reason = "The " + state.kind().words() + " on " + state.subject() + " is over: the figures have been "
                + "healthy for " + Wording.duration(healthyFor) + ", " + assessment.words() + ".";
        AlertState next = state.closed(null, List.of());
        return AlertEvaluation.of(next,
                AlertEvents.of(next, resolved, AlertEventType.RESOLVED, reason, now, Resolution.AUTOMATIC));
    }
}
