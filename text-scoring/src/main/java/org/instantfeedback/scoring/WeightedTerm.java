package org.instantfeedback.scoring;

import java.util.Objects;

/**
 * A word or phrase of a text and its weight in the lexicon's reading, on VADER's scale (about -4
 * to +4 after emphasis, negation and the other rules): why a text read the way it did.
 */
public record WeightedTerm(String term, double weight) {

    public WeightedTerm {
        Objects.requireNonNull(term, "term");
    }
}
