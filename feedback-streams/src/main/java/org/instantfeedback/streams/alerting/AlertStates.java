package org.instantfeedback.streams.alerting;

import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.instantfeedback.alerting.AlertEvent;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.lifecycle.AlertEvaluation;
import org.instantfeedback.alerting.lifecycle.AlertState;
import org.instantfeedback.alerting.lifecycle.AlertStateCodec;

/**
 * The alert state of every subject, group and kind of one task ({@value AlertingTopology#ALERT_STATE_STORE}),
 * shared by the processors that change it: {@link ReportsAndActions} (urgent reports, ops actions)
 * and {@link JudgeWindows} (windowed kinds, the review of open alerts).
 */
final class AlertStates {
    private final KeyValueStore<String, byte[]> states;

    AlertStates(KeyValueStore<String, byte[]> states) {
        this.states = states;
    }

    AlertState state(ScopeKey key, AlertKind kind) {
        byte[] stored = states.get(key.stateKey(kind));
        return stored == null ? AlertState.none(key.scope(), key.id(), kind) : AlertStateCodec.decode(stored);
    }

    /** Stores the evaluation's state when it changed; returns the alert events to publish. */
    List<AlertEvent> apply(ScopeKey key, AlertKind kind, AlertState before, AlertEvaluation evaluation) {
        if (!evaluation.state().equals(before)) {
            states.put(key.stateKey(kind), AlertStateCodec.encode(evaluation.state()));
        }
        return evaluation.events();
    }

    KeyValueStore<String, byte[]> store() {
        return states;
    }
}
