package org.instantfeedback.alerting.rules;

import java.util.List;

/**
 * A rule that cannot be used, with every reason found, in words an operator can act on. The caller
 * sends the offending record to the dead-letter topic with {@link #reason()} and keeps the previous
 * rule in force.
 */
public class InvalidRuleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> reasons;

    public InvalidRuleException(List<String> reasons) {
        super(String.join("; ", reasons));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an invalid rule needs at least one reason");
        }
        this.reasons = List.copyOf(reasons);
    }

    public InvalidRuleException(String reason) {
        this(List.of(reason));
    }

    /** Every reason, one per problem. */
    public List<String> reasons() {
        return reasons;
    }

    /** All reasons in one line, for a dead-letter header. */
    public String reason() {
        return getMessage();
    }
}
