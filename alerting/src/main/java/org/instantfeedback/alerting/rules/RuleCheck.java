package org.instantfeedback.alerting.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.instantfeedback.alerting.AlertKind;

/**
 * Collects everything wrong with one kind's rule, so an operator sees all problems of a rule at
 * once rather than one per attempt.
 */
final class RuleCheck {
    private final AlertKind kind;
    private final List<String> problems = new ArrayList<>();

    RuleCheck(AlertKind kind) {
        this.kind = kind;
    }

    RuleCheck field(RuleField field, Object value) {
        if (value == null) {
            problems.add(kind.id() + "." + field.name() + " is missing");
        } else {
            field.problemWith(value).ifPresent(p -> problems.add(kind.id() + "." + field.name() + " " + p));
        }
        return this;
    }

    /** Adds a problem unless {@code holds}; {@code values} fill the message, shown as the operator wrote them. */
    RuleCheck require(boolean holds, String message, Object... values) {
        if (!holds) {
            Object[] shown = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                shown[i] = RuleField.show(values[i]);
            }
            problems.add(kind.id() + ": " + String.format(Locale.ROOT, message, shown));
        }
        return this;
    }

    /** Cross-field checks only make sense once every field is present and in range. */
    boolean fieldsValid() {
        return problems.isEmpty();
    }

    void orThrow() {
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
    }
}
