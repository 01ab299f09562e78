package org.instantfeedback.alerting.rules;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.instantfeedback.alerting.AlertKind;

/**
 * Urgent reports (safety: assault, accident, fire, ...) alert at once, from one message. An open
 * urgent alert resolves itself only once ops have acknowledged it and no new urgent report came in
 * for {@code holdDown}: someone reported a safety incident, so someone must have looked at it.
 */
public record UrgentReportRule(boolean enabled, Duration holdDown) implements KindRule {
    public static final List<RuleField> FIELDS = List.of(RuleField.ENABLED, RuleField.HOLD_DOWN);

    public static final UrgentReportRule DEFAULT = new UrgentReportRule(true, Duration.ofHours(1));

    public UrgentReportRule {
        new RuleCheck(AlertKind.URGENT_REPORT).field(RuleField.HOLD_DOWN, holdDown).orThrow();
    }

    static UrgentReportRule fromSettings(RuleSettings s) {
        return new UrgentReportRule(s.toggle(RuleField.ENABLED), s.duration(RuleField.HOLD_DOWN));
    }

    @Override
    public AlertKind kind() {
        return AlertKind.URGENT_REPORT;
    }

    @Override
    public Map<String, Object> settings() {
        return RuleSettings.of(FIELDS, enabled, holdDown).values();
    }
}
