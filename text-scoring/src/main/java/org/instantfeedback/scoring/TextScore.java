package org.instantfeedback.scoring;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the scorer read in one text.
 *
 * @param compound VADER compound score in [-1, 1]; 0 when the label is {@link SentimentLabel#UNKNOWN}
 * @param label    sentiment class; UNKNOWN for a language the scorer has no lexicon for
 * @param topics   what the text is about, in {@link Topic} order; empty when nothing was recognised
 * @param urgent   true for a safety report ops must see now (accident, assault, harassment, fire,
 *                 medical emergency, dangerous driving, threats)
 * @param language ISO 639-1 code ("en", "de"; an ISO 639-3 code for languages without one), or
 *                 "und" when the text has no words to tell (emoji, numbers)
 */
public record TextScore(double compound, SentimentLabel label, Set<Topic> topics, boolean urgent, String language) {

    public TextScore {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(language, "language");
        topics = topics.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Topic.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(topics));
    }
}
