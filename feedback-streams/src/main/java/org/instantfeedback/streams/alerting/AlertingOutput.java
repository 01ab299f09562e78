package org.instantfeedback.streams.alerting;

import java.time.Duration;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackMetrics;

/**
 * What alerting publishes: rolling figures, alert events, and ops actions it had to reject. Each
 * says the key it is published under, so the processors that make them keep their input's key
 * (and Kafka Streams needs no repartition between them).
 */
sealed interface AlertingOutput {
    /** The key on the output topic. */
    String key();

    /** Keyed {@code subject:route-42:PT15M}: the scope, the subject or group, the window. */
    record Metrics(FeedbackMetrics metrics) implements AlertingOutput {
        @Override
        public String key() {
            ScopeKey scope = new ScopeKey(AlertRecords.scope(metrics.getScope()), metrics.getSubject());
            return AlertingTopology.metricsKey(scope, Duration.ofMillis(metrics.getWindowSizeMillis()));
        }
    }

    /** Keyed by alert id, so the events of one alert stay in order. */
    record Alert(FeedbackAlert alert) implements AlertingOutput {
        @Override
        public String key() {
            return alert.getAlertId();
        }
    }

    /** An ops action that could not be applied, as it was sent, with the reason for the dead-letter headers. */
    record RejectedAction(String alertId, String json, String reason) implements AlertingOutput {
        @Override
        public String key() {
            return alertId;
        }
    }
}
