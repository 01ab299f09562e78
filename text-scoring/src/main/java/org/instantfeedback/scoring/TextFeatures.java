package org.instantfeedback.scoring;

import java.util.Objects;

import org.instantfeedback.scoring.model.FeatureVector;

/**
 * A text as a model reads it: its features and its language.
 *
 * @param vector   the features, in the layout of the scorer that made them
 * @param language ISO 639-1 code, or "und" for a text without words
 */
public record TextFeatures(FeatureVector vector, String language) {

    public TextFeatures {
        Objects.requireNonNull(vector, "vector");
        Objects.requireNonNull(language, "language");
    }
}
