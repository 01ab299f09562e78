package org.instantfeedback.streams.alerting;

import org.instantfeedback.alerting.rules.AlertRules;

/** The rules in force for a subject or group, at the moment of asking. */
interface AlertRulesSource {
    AlertRules rulesFor(ScopeKey key);
}
