package org.instantfeedback.alerting.lifecycle;

import java.util.List;
import java.util.Objects;
import org.instantfeedback.alerting.AlertEvent;

/**
 * The outcome of one evaluation or ops action: the state to store, and the events to publish, in
 * order. Store the state whenever it differs from the one passed in (records compare by value).
 */
public record Evaluation(AlertState state, List<AlertEvent> events) {
    public Evaluation {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
    }

    static Evaluation of(AlertState state, AlertEvent... events) {
        return new Evaluation(state, List.of(events));
    }
}
