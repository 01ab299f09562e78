package org.instantfeedback.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one setting from the environment, or its default when unset or blank, and fails with a
 * message that names the variable, says what it must be, and quotes what it was.
 */
public final class EnvironmentValues {

    private EnvironmentValues() {
    }

    public static String text(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public static Duration positiveDuration(Map<String, String> env, String name, String fallback) {
        String value = text(env, name, fallback);
        try {
            Duration duration = Duration.parse(value);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(name + " must be a positive ISO-8601 duration such as " + fallback
                + ", was '" + value + "'");
    }

    public static int wholeNumber(Map<String, String> env, String name, int fallback, int lowest, int highest) {
        String value = text(env, name, Integer.toString(fallback));
        try {
            int number = Integer.parseInt(value);
            if (number >= lowest && number <= highest) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + lowest + " to " + highest
                + ", was '" + value + "'");
    }

    public static double number(Map<String, String> env, String name, double fallback, double lowest,
                                double highest) {
        String value = text(env, name, Double.toString(fallback));
        try {
            double number = Double.parseDouble(value);
            if (number >= lowest && number <= highest) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(name + " must be a number from " + lowest + " to " + highest + ", was '"
                + value + "'");
    }

    public static boolean flag(Map<String, String> env, String name, boolean fallback) {
        String value = text(env, name, Boolean.toString(fallback)).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
        };
    }
}
