package org.instantfeedback.alerting.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.instantfeedback.alerting.AlertEventType;
import org.instantfeedback.alerting.Resolution;
import org.instantfeedback.alerting.Wording;
import org.instantfeedback.alerting.rules.AlertRules;
import org.instantfeedback.alerting.rules.RuleCatalog;

/**
 * Ops acknowledging and resolving alerts, and the handling times that come with it: time to
 * acknowledge (first response) and time to resolve, both from the alert's opening.
 */
final class OpsActions {
    private final Wording wording;

    OpsActions(Wording wording) {
        this.wording = wording;
    }

    AlertEvaluation acknowledge(AlertState state, OpsAction action) {
        OpenAlert alert = target(state, action);
        if (alert.isAcknowledged()) {
            throw new OpsActionRejectedException("alert " + alert.alertId() + " was already acknowledged by "
                    + alert.acknowledgedBy() + " at " + alert.acknowledgedAt());
        }
        OpenAlert acknowledged = alert.acknowledged(action.actor(), action.at()).counted();
        AlertState next = state.withOpen(acknowledged);
        String reason = sentence(action, "acknowledged", state, alert);
        return AlertEvaluation.of(next, AlertEvents.of(next, acknowledged, AlertEventType.ACKNOWLEDGED, reason,
                action.at(), null, action));
    }

    /**
     * Resolving closes the alert at once. Until the kind's window has passed, the window still holds
     * the complaints that raised it, so no new alert of the kind opens before then (for urgent
     * reports: no report from the same people re-opens it within the hold-down). A problem that
     * is still there afterwards opens a new alert.
     */
    AlertEvaluation resolve(AlertState state, OpsAction action, AlertRules rules) {
        OpenAlert alert = target(state, action);
        OpenAlert resolved = alert.counted();
        Duration quiet = RuleCatalog.window(rules.forKind(state.kind())).orElse(rules.urgentReport().holdDown());
        Instant rearmAt = action.at().plus(quiet);
        List<Long> muted = state.kind().windowed() ? List.of() : alert.reporters();
        AlertState next = state.closed(rearmAt, muted);
        String reason = sentence(action, "resolved", state, alert);
        return AlertEvaluation.of(next, AlertEvents.of(next, resolved, AlertEventType.RESOLVED, reason, action.at(),
                Resolution.BY_OPS, action));
    }

    private static OpenAlert target(AlertState state, OpsAction action) {
        OpenAlert alert = state.open();
        if (alert == null || !alert.alertId().equals(action.alertId())) {
            throw new OpsActionRejectedException("alert " + action.alertId() + " is not open for " + state.subject()
                    + " (" + state.kind().id() + ")" + (alert == null ? "; no alert is" : "; the open one is "
                    + alert.alertId()));
        }
        return alert;
    }

    private String sentence(OpsAction action, String verb, AlertState state, OpenAlert alert) {
        String after = Wording.duration(AlertEvents.since(alert.openedAt(), action.at()));
        return action.actor() + " " + verb + " the " + state.kind().words() + " alert on " + state.subject() + " at "
                + wording.clock(action.at()) + ", " + after + " after it opened"
                + (action.note() == null ? "" : ": " + Wording.quote(action.note())) + ".";
    }
}
