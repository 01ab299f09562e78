package org.instantfeedback.alerting;

/** What happened to an alert. */
public enum AlertEventType {
    /** A new alert, with a new id. */
    OPENED,
    /** The open alert rose in severity. */
    ESCALATED,
    /** The open alert got new evidence worth showing (another person's urgent report). */
    UPDATED,
    /** Ops took the alert on. */
    ACKNOWLEDGED,
    /** The alert is closed: its figures stayed healthy for the hold-down period, or ops resolved it. */
    RESOLVED
}
