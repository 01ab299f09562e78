package org.instantfeedback.streams.alerting;

import org.instantfeedback.alerting.ConversationWaiting;
import org.instantfeedback.alerting.FeedbackObservation;

/**
 * What reaches the alert evaluation of one subject or group, on one repartition topic so that
 * feedback and ops actions for the same key meet the same task and its alert state: either a
 * piece of feedback, an ops action on one of its alerts, or a conversation of the subject that
 * started or stopped waiting too long for an answer.
 *
 * @param observation the feedback, or null
 * @param action      the ops action, or null
 * @param waiting     the conversation's waiting, or null
 */
record AlertingInput(FeedbackObservation observation, OpsActionRequest action, ConversationWaiting waiting) {
    static AlertingInput of(FeedbackObservation observation) {
        return new AlertingInput(observation, null, null);
    }

    static AlertingInput of(OpsActionRequest action) {
        return new AlertingInput(null, action, null);
    }

    static AlertingInput of(ConversationWaiting waiting) {
        return new AlertingInput(null, null, waiting);
    }
}
