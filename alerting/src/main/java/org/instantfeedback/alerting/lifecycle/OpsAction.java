package org.instantfeedback.alerting.lifecycle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Ops acting on an alert: acknowledging or resolving it. Names the alert by id, so an action meant
 * for an alert that has meanwhile been resolved cannot land on the next one.
 *
 * @param alertId the alert acted on
 * @param actor   who acted (a user name or id); required
 * @param note    what they said, optional; at most {@value #MAX_NOTE_CHARS} characters
 * @param at      when they acted
 */
public record OpsAction(String alertId, String actor, String note, Instant at) {
    private static final int MAX_NOTE_CHARS = 500;
    private static final int MAX_ACTOR_CHARS = 100;

    public OpsAction {
        if (alertId == null || alertId.isBlank()) {
            throw new OpsActionRejectedException("an ops action must name the alert it is for");
        }
        if (actor == null || actor.isBlank()) {
            throw new OpsActionRejectedException("an ops action must name who acted");
        }
        actor = actor.strip();
        if (actor.length() > MAX_ACTOR_CHARS) {
            throw new OpsActionRejectedException("the actor is longer than " + MAX_ACTOR_CHARS + " characters");
        }
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.length() > MAX_NOTE_CHARS) {
            throw new OpsActionRejectedException("the note is longer than " + MAX_NOTE_CHARS + " characters");
        }
        // stored state keeps milliseconds, like Avro timestamps; truncating here keeps replays identical
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    }
}
