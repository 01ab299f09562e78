package org.instantfeedback.service.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The parsers settings share; each failure says what the text must be. */
public final class ValueParsers {

    private ValueParsers() {
    }

    public static ValueParser<String> text() {
        return text -> text;
    }

    public static ValueParser<Integer> wholeNumber(int lowest, int highest) {
        return text -> {
            try {
                int number = Integer.parseInt(text);
                if (number >= lowest && number <= highest) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // the same message as a number out of range: what the operator needs is the range
            }
            throw new IllegalArgumentException("must be a whole number from " + lowest + " to " + highest);
        };
    }

    public static ValueParser<Integer> port() {
        ValueParser<Integer> number = wholeNumber(0, 65_535);
        return text -> {
            try {
                return number.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be a port number from 0 to 65535", e);
            }
        };
    }

    public static ValueParser<Double> number(double lowest, double highest) {
        return text -> {
            try {
                double number = Double.parseDouble(text);
                if (number >= lowest && number <= highest) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported with the range, below
            }
            throw new IllegalArgumentException("must be a number from " + lowest + " to " + highest);
        };
    }

    /** An ISO-8601 duration greater than zero ({@code PT30S}, {@code PT15M}, {@code P1D}). */
    public static ValueParser<Duration> positiveDuration() {
        return durationBetween(Duration.ofNanos(1), null);
    }

    /** An ISO-8601 duration from {@code shortest} to {@code longest} (no upper bound when null). */
    public static ValueParser<Duration> durationBetween(Duration shortest, Duration longest) {
        String rule = longest == null
                ? (shortest.equals(Duration.ofNanos(1)) ? "must be a positive ISO-8601 duration such as PT30S"
                        : "must be an ISO-8601 duration of at least " + shortest)
                : "must be an ISO-8601 duration from " + shortest + " to " + longest;
        return text -> {
            try {
                Duration duration = Duration.parse(text);
                if (duration.compareTo(shortest) >= 0 && (longest == null || duration.compareTo(longest) <= 0)) {
                    return duration;
                }
            } catch (DateTimeParseException e) {
                // reported with the rule, below
            }
            throw new IllegalArgumentException(rule);
        };
    }

    /**
     * Only {@code true} or {@code false}, in any case: a switch spelled otherwise ({@code yes},
     * {@code 1}) stops the service rather than being read one way or the other.
     */
    public static ValueParser<Boolean> flag() {
        return text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    /** One of {@code allowed}, in any case; the value is the allowed spelling. */
    public static ValueParser<String> oneOf(String... allowed) {
        return text -> Arrays.stream(allowed).filter(choice -> choice.equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be " + String.join(" or ", allowed)));
    }

    public static ValueParser<List<String>> commaSeparated() {
        return text -> Arrays.stream(text.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }
}
