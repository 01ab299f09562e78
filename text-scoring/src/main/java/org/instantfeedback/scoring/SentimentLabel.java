package org.instantfeedback.scoring;

import java.util.Locale;

/** The sentiment class of a text, derived from its compound score. */
public enum SentimentLabel {
    NEGATIVE,
    NEUTRAL,
    POSITIVE,
    /** The text is in a language the scorer has no lexicon for; its score means nothing. */
    UNKNOWN;

    /**
     * VADER's recommended cut: compound at or beyond +-0.05 is polar. The neutral band is kept
     * narrow because a mild complaint still deserves a look.
     */
    public static final double POLARITY_THRESHOLD = 0.05;

    public static SentimentLabel ofCompound(double compound) {
        if (compound >= POLARITY_THRESHOLD) {
            return POSITIVE;
        }
        if (compound <= -POLARITY_THRESHOLD) {
            return NEGATIVE;
        }
        return NEUTRAL;
    }

    /** Lower-case name used in JSON and in files ("negative"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SentimentLabel fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
