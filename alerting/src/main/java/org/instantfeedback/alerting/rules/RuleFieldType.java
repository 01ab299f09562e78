package org.instantfeedback.alerting.rules;

/** What a rule setting holds, and so how it is written in JSON and which values it accepts. */
public enum RuleFieldType {
    /** true or false. */
    SWITCH,
    /** An ISO-8601 duration naming one of the windows the pipeline computes ("PT15M"). */
    WINDOW,
    /** An ISO-8601 duration from zero to seven days ("PT10M"). */
    DURATION,
    /** A number from 0 to 100. */
    PERCENT,
    /** Percentage points, above 0 and at most 100. */
    POINTS,
    /** A multiple of a usual rate, above 0 and at most 1000. */
    FACTOR,
    /** A whole number from 1 to 1,000,000. */
    COUNT,
    /** A whole number of distinct people from 2 to 1,000,000: one sender must never raise an alert alone. */
    SENDERS
}
