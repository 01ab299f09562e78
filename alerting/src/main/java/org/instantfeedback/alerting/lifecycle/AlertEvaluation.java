package org.instantfeedback.alerting.lifecycle;

import java.util.List;
import java.util.Objects;
import org.instantfeedback.alerting.AlertEvent;

/**
 * The outcome of evaluating one alert (or of an ops action on it): the state to store, and the
 * events to publish, in order. Store the state whenever it differs from the one passed in (records
 * compare by value).
 */
public record AlertEvaluation(AlertState state, List<AlertEvent> events) {
    public AlertEvaluation {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
    }

    static AlertEvaluation of(AlertState state, AlertEvent... events) {
        return new AlertEvaluation(state, List.of(events));
    }
}
