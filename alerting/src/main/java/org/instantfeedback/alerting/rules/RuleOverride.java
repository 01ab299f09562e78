package org.instantfeedback.alerting.rules;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.instantfeedback.alerting.AlertKind;

/**
 * Some settings of some kinds, as one record of the rules topic sets them for a subject, a group or
 * the default. Every value is already checked on its own; whether it fits the settings it
 * combines with is checked when it is applied ({@link AlertRules#with(RuleOverride)}).
 */
public record RuleOverride(Map<AlertKind, Map<String, Object>> changes) {
    public static final RuleOverride NONE = new RuleOverride(Map.of());

    public RuleOverride {
        Map<AlertKind, Map<String, Object>> copy = new EnumMap<>(AlertKind.class);
        changes.forEach((kind, settings) -> copy.put(kind, Collections.unmodifiableMap(new LinkedHashMap<>(settings))));
        changes = Collections.unmodifiableMap(copy);
    }

    /** The settings this override changes for {@code kind}; empty when it leaves the kind alone. */
    public Map<String, Object> changesFor(AlertKind kind) {
        return changes.getOrDefault(kind, Map.of());
    }
}
