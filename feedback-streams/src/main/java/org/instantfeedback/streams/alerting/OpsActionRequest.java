package org.instantfeedback.streams.alerting;

import java.time.Instant;

/**
 * One record of feedback.alert-actions.v1 as ops send it (JSON), with the alert kind taken from
 * its key {@code <scope>:<id>:<kind>}.
 *
 * @param kind    the alert kind id from the key (negative-surge, ...)
 * @param alertId the alert acted on
 * @param action  ACKNOWLEDGE or RESOLVE
 * @param actor   who acted
 * @param note    what they said, optional
 * @param at      when they acted (wall-clock time of the ops tool)
 */
record OpsActionRequest(String kind, String alertId, String action, String actor, String note, Instant at) {
    static final String ACKNOWLEDGE = "ACKNOWLEDGE";
    static final String RESOLVE = "RESOLVE";
}
