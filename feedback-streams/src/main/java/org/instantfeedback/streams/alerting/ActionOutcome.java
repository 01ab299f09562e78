package org.instantfeedback.streams.alerting;

/** One actions-topic record after reading: the action to evaluate, or null when it was rejected; and the value as sent. */
record ActionOutcome(AlertingInput input, String json) {
    boolean readable() {
        return input != null;
    }
}
