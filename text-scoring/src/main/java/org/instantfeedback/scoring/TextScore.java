package org.instantfeedback.scoring;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.instantfeedback.scoring.model.LabelProbabilities;

/**
 * What the scorer read in one text.
 *
 * @param label         sentiment class: the text model's most probable class when a model reads the
 *                      text, else the lexicon's (compound at or beyond +-0.05); UNKNOWN for a language
 *                      neither reads
 * @param sentiment     in [-1, 1]: the model's positive minus negative probability, or the lexicon's
 *                      compound without a model; 0 when the label is UNKNOWN
 * @param probabilities the model's calibrated class probabilities; null when no model read the text
 * @param modelVersion  the model that read the text ("base-1", "op-7"); null when none did
 * @param compound      the lexicon's VADER compound score in [-1, 1]; 0 for a language it does not read
 * @param terms         the words and phrases that weighed most in the lexicon's reading, strongest
 *                      first (at most {@link TextScorer#EXPLAINED_TERMS}): why a text reads as it does
 * @param topics        what the text is about, in {@link Topic} order; empty when nothing was recognised
 * @param urgent        true for a safety report ops must see now (accident, assault, harassment, fire,
 *                      medical emergency, dangerous driving, threats)
 * @param language      ISO 639-1 code ("en", "de"; an ISO 639-3 code for languages without one), or
 *                      "und" when the text has no words to tell (emoji, numbers)
 */
public record TextScore(SentimentLabel label, double sentiment, LabelProbabilities probabilities,
                        String modelVersion, double compound, List<WeightedTerm> terms, Set<Topic> topics,
                        boolean urgent, String language) {

    public TextScore {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(language, "language");
        terms = List.copyOf(terms);
        topics = topics.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Topic.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(topics));
    }
}
