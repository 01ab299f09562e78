package org.instantfeedback.streams.alerting;

import org.instantfeedback.alerting.FeedbackObservation;

/**
 * What reaches the alert evaluation of one subject or group, on one repartition topic so that
 * feedback and ops actions for the same key meet the same task and its alert state: either a
 * piece of feedback or an ops action on one of its alerts.
 *
 * @param observation the feedback, or null
 * @param action      the ops action, or null
 */
record AlertingInput(FeedbackObservation observation, OpsActionRequest action) {
    static AlertingInput of(FeedbackObservation observation) {
        return new AlertingInput(observation, null);
    }

    static AlertingInput of(OpsActionRequest action) {
        return new AlertingInput(null, action);
    }
}
