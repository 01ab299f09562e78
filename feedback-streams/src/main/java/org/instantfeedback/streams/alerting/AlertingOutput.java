package org.instantfeedback.streams.alerting;

import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackMetrics;

/** What alert evaluation publishes: rolling figures, alert events, and ops actions it had to reject. */
sealed interface AlertingOutput {
    record Metrics(FeedbackMetrics metrics) implements AlertingOutput {
    }

    record Alert(FeedbackAlert alert) implements AlertingOutput {
    }

    /** An ops action that could not be applied, as it was sent, with the reason for the dead-letter headers. */
    record RejectedAction(String json, String reason) implements AlertingOutput {
    }
}
