package org.instantfeedback.alerting.rules;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.instantfeedback.alerting.AlertKind;

/**
 * The rule for one alert kind: its thresholds, hold-down and switch. Every rule is also a map of
 * its settings by JSON name, which is how partial overrides fill from the level above.
 */
public sealed interface KindRule
        permits NegativeSurgeRule, CsatDropRule, VolumeSpikeRule, UrgentReportRule, UnansweredRule {
    AlertKind kind();

    boolean enabled();

    /** How long the figures must stay healthy before an open alert resolves itself. */
    Duration holdDown();

    /** Every setting by its JSON name, in a stable order. */
    Map<String, Object> settings();

    /**
     * This rule with some settings changed.
     *
     * @throws InvalidRuleException when the result is inconsistent (a clear threshold on the wrong
     *                              side of its open threshold, ...)
     */
    default KindRule withSettings(Map<String, Object> changes) {
        if (changes.isEmpty()) {
            return this;
        }
        Map<String, Object> merged = new LinkedHashMap<>(settings());
        merged.putAll(changes);
        return RuleCatalog.create(kind(), new RuleSettings(merged));
    }
}
