package org.instantfeedback.notifier.routing;

import java.util.regex.Pattern;

/**
 * A subject or group pattern of the routes file: {@code *} matches any run of characters,
 * everything else itself ({@code route-4*} matches {@code route-42} and {@code route-4}).
 * Matching is case-sensitive, as subjects are.
 */
public record Glob(String pattern, Pattern regex) {

    public static Glob of(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return new Glob(pattern, Pattern.compile(regex.toString()));
    }

    public boolean matches(String value) {
        return regex.matcher(value).matches();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
