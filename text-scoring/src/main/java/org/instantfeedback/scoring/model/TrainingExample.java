package org.instantfeedback.scoring.model;

import java.util.Objects;

/**
 * One labelled text, as features: what the trainer learns from.
 *
 * @param features the text's features (see {@code TextScorer#features})
 * @param label    {@link ModelClasses#NEGATIVE}, {@link ModelClasses#NEUTRAL} or {@link ModelClasses#POSITIVE}
 * @param weight   how much it counts, 1 by default; training recipes weigh sources and classes
 * @param language the text's language, so that figures can be given per language
 */
public record TrainingExample(FeatureVector features, int label, float weight, String language) {

    public TrainingExample {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(language, "language");
        if (label < 0 || label >= ModelClasses.COUNT) {
            throw new IllegalArgumentException("label must be 0 to " + (ModelClasses.COUNT - 1) + ", got " + label);
        }
        if (!(weight > 0) || Float.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be positive, got " + weight);
        }
    }
}
