package org.instantfeedback.alerting.lifecycle;

import java.time.Duration;
import java.time.Instant;
import org.instantfeedback.alerting.AlertEvent;
import org.instantfeedback.alerting.AlertEventType;
import org.instantfeedback.alerting.Resolution;

/** Builds the event for something that happened to an alert, from the alert as it stands after it. */
final class AlertEvents {
    private AlertEvents() {
    }

    /** An event raised by the pipeline itself (no ops actor). */
    static AlertEvent of(AlertState state, OpenAlert alert, AlertEventType type, String reason, Instant at,
                         Resolution resolution) {
        return of(state, alert, type, reason, at, resolution, null);
    }

    /**
     * @param alert  the alert after the change, already {@link OpenAlert#counted() counted}
     * @param action the ops action behind the event, or null
     */
    static AlertEvent of(AlertState state, OpenAlert alert, AlertEventType type, String reason, Instant at,
                         Resolution resolution, OpsAction action) {
        boolean resolved = type == AlertEventType.RESOLVED;
        boolean timesAcknowledgement = (resolved || type == AlertEventType.ACKNOWLEDGED) && alert.isAcknowledged();
        return new AlertEvent(alert.alertId() + "#" + alert.eventCount(), alert.alertId(), state.scope(),
                state.subject(), state.kind(), alert.severity(), type, reason, alert.window(), alert.figures(),
                alert.examples(), alert.exampleEventIds(), alert.openedAt(), at, alert.acknowledgedAt(), alert.acknowledgedBy(),
                resolved ? at : null, resolved ? resolution : null,
                action == null ? null : action.actor(), action == null ? null : action.note(),
                timesAcknowledgement ? since(alert.openedAt(), alert.acknowledgedAt()) : null,
                resolved ? since(alert.openedAt(), at) : null);
    }

    /**
     * Ops act on wall-clock time while alerts open on event time; when event time runs ahead of the
     * clock an action could seem to come before the opening, and a negative handling time would
     * only corrupt the timers. Zero is the honest floor.
     */
    static Duration since(Instant openedAt, Instant at) {
        Duration elapsed = Duration.between(openedAt, at);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }
}
