package org.instantfeedback.alerting.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.instantfeedback.alerting.Wording;

/**
 * One setting of a rule: its JSON name, what it holds and what it means. It reads the setting from
 * rule JSON and says what is wrong with a value, so the parser and the rule records agree on what
 * is allowed.
 */
public record RuleField(String name, RuleFieldType type, String meaning) {
    public static final RuleField ENABLED = new RuleField("enabled", RuleFieldType.SWITCH,
            "whether alerts of this kind are raised at all");
    public static final RuleField WINDOW = new RuleField("window", RuleFieldType.WINDOW,
            "the window whose figures are judged");
    public static final RuleField HOLD_DOWN = new RuleField("holdDown", RuleFieldType.DURATION,
            "how long the figures must stay healthy before the alert resolves itself");

    private static final Duration LONGEST = Duration.ofDays(7);
    private static final int MAX_COUNT = 1_000_000;

    /** The value of this setting in {@code json}, or a problem added to {@code problems}. */
    Optional<Object> read(JsonNode json, String path, List<String> problems) {
        Optional<Object> value = switch (type) {
            case SWITCH -> json.isBoolean() ? Optional.of(json.booleanValue()) : Optional.empty();
            case WINDOW, DURATION -> duration(json);
            case PERCENT, POINTS, FACTOR -> json.isNumber() ? Optional.of(json.doubleValue()) : Optional.empty();
            case COUNT, SENDERS -> json.isIntegralNumber() && json.canConvertToInt()
                    ? Optional.of(json.intValue()) : Optional.empty();
        };
        if (value.isEmpty()) {
            problems.add(path + " must be " + expected() + ", was " + json);
            return value;
        }
        Optional<String> problem = problemWith(value.get());
        problem.ifPresent(p -> problems.add(path + " " + p));
        return problem.isPresent() ? Optional.empty() : value;
    }

    /** What is wrong with {@code value} for this setting ("must be between 0 and 100, was -5"), if anything. */
    Optional<String> problemWith(Object value) {
        boolean fits = switch (type) {
            case SWITCH -> value instanceof Boolean;
            case WINDOW -> value instanceof Duration d && d.compareTo(Duration.ZERO) > 0 && d.compareTo(LONGEST) <= 0;
            case DURATION -> value instanceof Duration d && !d.isNegative() && d.compareTo(LONGEST) <= 0;
            case PERCENT -> value instanceof Double v && v >= 0 && v <= 100;
            case POINTS -> value instanceof Double v && v > 0 && v <= 100;
            case FACTOR -> value instanceof Double v && v > 0 && v <= 1000;
            case COUNT -> value instanceof Integer n && n >= 1 && n <= MAX_COUNT;
            case SENDERS -> value instanceof Integer n && n >= 2 && n <= MAX_COUNT;
        };
        return fits ? Optional.empty() : Optional.of("must be " + expected() + ", was " + show(value));
    }

    String expected() {
        return switch (type) {
            case SWITCH -> "true or false";
            case WINDOW -> "an ISO-8601 duration such as \"PT15M\", longer than zero and at most 7 days";
            case DURATION -> "an ISO-8601 duration such as \"PT10M\", from zero to 7 days";
            case PERCENT -> "a number from 0 to 100";
            case POINTS -> "a number of percentage points above 0 and at most 100";
            case FACTOR -> "a number above 0 and at most 1000";
            case COUNT -> "a whole number from 1 to " + MAX_COUNT;
            case SENDERS -> "a whole number from 2 to " + MAX_COUNT + " (one sender must not raise an alert alone)";
        };
    }

    /** A value as the operator wrote it: 40, not 40.0; PT15M. */
    static String show(Object value) {
        return value instanceof Double d ? Wording.number(d) : String.valueOf(value);
    }

    private static Optional<Object> duration(JsonNode json) {
        if (!json.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.parse(json.textValue()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
