package org.instantfeedback.alerting.metrics;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/** One complaint's text, kept as an example for alerts; texts are masked upstream. */
public record ExampleText(String eventId, Instant occurredAt, String text) {
    /** Longer texts are cut: an example shows what people say, and the store keeps three per window. */
    static final int MAX_CHARS = 280;

    /** Newest first; the event id breaks ties, so the same examples win in whatever order they came. */
    static final Comparator<ExampleText> NEWEST_FIRST = Comparator.comparing(ExampleText::occurredAt)
            .thenComparing(ExampleText::eventId)
            .reversed();

    public ExampleText {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(text, "text");
        text = cut(text.strip(), MAX_CHARS);
    }

    /**
     * The text followed by how it read, in brackets ("driver rude again (negative 94%: rude -2.0)"):
     * a long text is cut so that its reading still shows.
     */
    public static ExampleText of(String eventId, Instant occurredAt, String text, String reading) {
        if (reading == null || reading.isBlank()) {
            return new ExampleText(eventId, occurredAt, text);
        }
        String suffix = " (" + reading.strip() + ")";
        int room = Math.max(MAX_CHARS / 2, MAX_CHARS - suffix.length());
        return new ExampleText(eventId, occurredAt, cut(text.strip(), room) + suffix);
    }

    private static String cut(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = limit - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }
}
