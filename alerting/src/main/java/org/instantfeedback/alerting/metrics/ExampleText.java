package org.instantfeedback.alerting.metrics;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/** One complaint's text, kept as an example for alerts; texts are masked upstream. */
public record ExampleText(String eventId, Instant occurredAt, String text) {
    /** Longer texts are cut: an example shows what people say, and the store keeps three per window. */
    public static final int MAX_CHARS = 280;

    /** Newest first; the event id breaks ties, so the same examples win in whatever order they came. */
    static final Comparator<ExampleText> NEWEST_FIRST = Comparator.comparing(ExampleText::occurredAt)
            .thenComparing(ExampleText::eventId)
            .reversed();

    public ExampleText {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(text, "text");
        text = cut(text.strip());
    }

    private static String cut(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = MAX_CHARS - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }
}
