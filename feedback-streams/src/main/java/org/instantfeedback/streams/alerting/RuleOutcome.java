package org.instantfeedback.streams.alerting;

/** One rules-topic record after validation: its value (null for a tombstone), and whether it was accepted. */
record RuleOutcome(String json, boolean accepted) {
    static RuleOutcome accepted(String json) {
        return new RuleOutcome(json, true);
    }

    static RuleOutcome rejected(String json) {
        return new RuleOutcome(json, false);
    }
}
