package org.instantfeedback.scoring;

/**
 * Everything the scorer knows about one lower-case word, found with a single lookup per token:
 * the rules then read fields instead of querying a lexicon, a booster list, a negation list,
 * three phrase tables and an English vocabulary one after the other.
 *
 * @param valence             VADER-scale valence, NaN when the word carries no sentiment
 * @param booster             booster (+) or dampener (-) increment, 0 when it is neither
 * @param negation            "not", "never", "don't"...
 * @param english             known English word (for the language fast path)
 * @param foreignFunctionWord frequent function word of another language ("der", "que")
 * @param phrases             the phrase-table node after this word, null when no term starts with it
 */
record WordFacts(double valence, double booster, boolean negation, boolean english, boolean foreignFunctionWord,
                 PhraseTable.Node phrases) {

    static final WordFacts UNKNOWN = new WordFacts(Double.NaN, 0.0, false, false, false, null);

    boolean isSentiment() {
        return !Double.isNaN(valence);
    }

    boolean isBooster() {
        return booster != 0.0;
    }
}
