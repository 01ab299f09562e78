package org.instantfeedback.alerting;

/** How an alert came to be resolved. */
public enum Resolution {
    /** The figures stayed healthy for the hold-down period (or, for urgent reports: acknowledged and quiet). */
    AUTOMATIC,
    /** Ops resolved it. */
    BY_OPS,
    /** The rule for its kind was switched off while it was open. */
    RULE_SWITCHED_OFF
}
