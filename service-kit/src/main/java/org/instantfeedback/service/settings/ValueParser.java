package org.instantfeedback.service.settings;

/**
 * Turns a setting's text into its value.
 *
 * @param <T> the value's type
 */
@FunctionalInterface
public interface ValueParser<T> {

    /**
     * The value of {@code text} (never blank, already stripped); throws
     * {@link IllegalArgumentException} whose message says what the text must be, as in "must be a
     * whole number from 1 to 10", so every service's messages read alike.
     */
    T parse(String text);

    /** The value, or a failure naming the variable, the rule and the text. */
    default T parseOrFail(String name, String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " " + e.getMessage() + ", was '" + text + "'", e);
        }
    }
}
