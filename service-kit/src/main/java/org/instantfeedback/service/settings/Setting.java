package org.instantfeedback.service.settings;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One environment variable a service reads, declared once: its name, its default, how its text
 * becomes a value, and what it means. A service's settings are a list of these, so the code that
 * reads the environment, the configuration reference in docs/configuration.md and the compose file
 * are all checked against the same declarations.
 *
 * <p>A blank value counts as unset (docker-compose writes {@code VAR=} for "use the default"). A
 * malformed value fails with one message shape for every service: the variable's name, what it
 * must be, and what it was ({@code STREAMS_HTTP_PORT must be a port number from 0 to 65535, was
 * 'http'}).
 *
 * @param <T> the value's type
 */
public final class Setting<T> {

    private final String name;
    private final String shownDefault;
    private final String meaning;
    private final ValueParser<T> parser;
    private final T unsetValue;
    private final boolean required;

    private Setting(String name, String shownDefault, String meaning, ValueParser<T> parser, T unsetValue,
                    boolean required) {
        this.name = Objects.requireNonNull(name, "name");
        this.shownDefault = shownDefault;
        this.meaning = Objects.requireNonNull(meaning, "meaning");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.unsetValue = unsetValue;
        this.required = required;
    }

    /** A setting whose default is the value {@code defaultText} parses to. */
    public static <T> Setting<T> of(String name, String defaultText, ValueParser<T> parser, String meaning) {
        Objects.requireNonNull(defaultText, "defaultText");
        return new Setting<>(name, defaultText, meaning, parser, parser.parseOrFail(name, defaultText), false);
    }

    /** A setting the operator must give: there is no value that would be safe to assume. */
    public static <T> Setting<T> required(String name, ValueParser<T> parser, String meaning) {
        return new Setting<>(name, null, meaning, parser, null, true);
    }

    /** A setting that is off, or absent, until given: its value is empty when unset. */
    public static <T> Setting<Optional<T>> optional(String name, ValueParser<T> parser, String meaning) {
        return new Setting<>(name, "", meaning, text -> Optional.of(parser.parse(text)), Optional.empty(), false);
    }

    public static Setting<Integer> port(String name, int fallback, String meaning) {
        return of(name, Integer.toString(fallback), ValueParsers.port(), meaning);
    }

    public static Setting<Integer> wholeNumber(String name, int fallback, int lowest, int highest, String meaning) {
        return of(name, Integer.toString(fallback), ValueParsers.wholeNumber(lowest, highest), meaning);
    }

    public static Setting<Double> number(String name, double fallback, double lowest, double highest,
                                         String meaning) {
        return of(name, Double.toString(fallback), ValueParsers.number(lowest, highest), meaning);
    }

    /** A positive ISO-8601 duration, such as {@code PT15M}. */
    public static Setting<Duration> duration(String name, String fallback, String meaning) {
        return of(name, fallback, ValueParsers.positiveDuration(), meaning);
    }

    public static Setting<Boolean> flag(String name, boolean fallback, String meaning) {
        return of(name, Boolean.toString(fallback), ValueParsers.flag(), meaning);
    }

    public static Setting<String> text(String name, String fallback, String meaning) {
        return of(name, fallback, ValueParsers.text(), meaning);
    }

    /** Comma-separated values, blanks left out; empty when unset. */
    public static Setting<List<String>> list(String name, String meaning) {
        return new Setting<>(name, "", meaning, ValueParsers.commaSeparated(), List.of(), false);
    }

    /**
     * The same setting shown in the docs with another default, where the real one depends on the
     * machine ({@code ${java.io.tmpdir}/feedback-streams}) or on another setting.
     */
    public Setting<T> shownAs(String documentedDefault) {
        return new Setting<>(name, Objects.requireNonNull(documentedDefault), meaning, parser, unsetValue, required);
    }

    /** The value in {@code env}, or the default when unset or blank. */
    public T from(Map<String, String> env) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            if (required) {
                throw new IllegalArgumentException(name + " is required: " + meaning);
            }
            return unsetValue;
        }
        return parser.parseOrFail(name, raw.strip());
    }

    /** Whether {@code env} gives this setting a value of its own. */
    public boolean isSetIn(Map<String, String> env) {
        String raw = env.get(name);
        return raw != null && !raw.isBlank();
    }

    public String name() {
        return name;
    }

    /** The default as the docs show it; empty for a required setting. */
    public Optional<String> shownDefault() {
        return Optional.ofNullable(shownDefault);
    }

    public String meaning() {
        return meaning;
    }

    public boolean required() {
        return required;
    }

    @Override
    public String toString() {
        return name;
    }
}
