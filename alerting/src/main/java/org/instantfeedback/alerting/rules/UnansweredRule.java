package org.instantfeedback.alerting.rules;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.instantfeedback.alerting.AlertKind;

/**
 * A passenger who has waited longer than the answer limit ({@code CONVERSATION_ANSWER_WITHIN})
 * for an answer opens the subject's unanswered alert; more waiting passengers join it, and it
 * resolves itself once every one of them has been answered (or their conversation closed). The
 * limit is the conversations' own, so the alert and the inbox's "overdue" always agree.
 */
public record UnansweredRule(boolean enabled) implements KindRule {
    public static final List<RuleField> FIELDS = List.of(RuleField.ENABLED);

    public static final UnansweredRule DEFAULT = new UnansweredRule(true);

    static UnansweredRule fromSettings(RuleSettings s) {
        return new UnansweredRule(s.toggle(RuleField.ENABLED));
    }

    /** None: the alert resolves as soon as the last waiting passenger has been answered. */
    @Override
    public Duration holdDown() {
        return Duration.ZERO;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.UNANSWERED;
    }

    @Override
    public Map<String, Object> settings() {
        return RuleSettings.of(FIELDS, enabled).values();
    }
}
