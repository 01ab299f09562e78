package org.instantfeedback.streams.query;

import java.util.Locale;
import java.util.Optional;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertKind;

/** Where an alert stands for ops: open, acknowledged (someone is on it) or resolved. */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED;

    static AlertStatus of(FeedbackAlert alert) {
        if (alert.getType() == FeedbackAlertEventType.RESOLVED) {
            return RESOLVED;
        }
        return alert.getAcknowledgedAt() == null ? OPEN : ACKNOWLEDGED;
    }

    /** The status named in a query parameter ({@code open}, any case), if it is one. */
    public static Optional<AlertStatus> parse(String value) {
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The kind as rules and the actions topic name it; the Avro name in lower case for kinds the core does not know. */
    static String kindId(FeedbackAlertKind kind) {
        try {
            return AlertKind.valueOf(kind.name()).id();
        } catch (IllegalArgumentException e) {
            return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
