package org.instantfeedback.alerting.lifecycle;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.Scope;

/**
 * Alert ids derived from what opened the alert (scope, subject, kind, the alert's sequence number
 * for that subject and kind, and the opening time in event time), never from a clock or a random
 * source: when exactly-once processing replays the same input after a failure, the alert gets the
 * same id. A name-based UUID keeps ids short and free of characters a subject might contain.
 */
public final class AlertIds {
    private AlertIds() {
    }

    public static String of(Scope scope, String subject, AlertKind kind, long sequence, Instant openedAt) {
        String name = scope.id() + "|" + subject + "|" + kind.id() + "|" + sequence + "|" + openedAt.toEpochMilli();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
