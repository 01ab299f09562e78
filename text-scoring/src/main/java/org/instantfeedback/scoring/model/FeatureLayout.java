package org.instantfeedback.scoring.model;

/**
 * How a model's weights are indexed: {@code 2^hashBits} slots for hashed words, word pairs and
 * character n-grams, then {@code denseFeatures} fixed slots for the lexicon's readings. The schema
 * number changes whenever the extraction of features changes, so that a model is never read with
 * features it was not trained on.
 */
public record FeatureLayout(int schema, int hashBits, int denseFeatures) {

    public FeatureLayout {
        if (hashBits < 8 || hashBits > 24) {
            throw new IllegalArgumentException("hashBits must be 8 to 24, got " + hashBits);
        }
        if (denseFeatures < 0 || denseFeatures > 1024) {
            throw new IllegalArgumentException("denseFeatures must be 0 to 1024, got " + denseFeatures);
        }
    }

    public int hashSlots() {
        return 1 << hashBits;
    }

    public int featureCount() {
        return hashSlots() + denseFeatures;
    }

    /** The index of dense feature {@code i}. */
    public int dense(int i) {
        return hashSlots() + i;
    }
}
