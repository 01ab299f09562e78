package org.instantfeedback.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the lexicon and VADER's rules made of one text: the compound score and each token's weight
 * in it, which the text model takes as features and the explanation of a reading shows.
 *
 * @param compound      VADER compound score in [-1, 1]
 * @param sentiments    per token, its weight in the sum after every rule (0 for most words)
 * @param phraseLengths per token, the words of the item it starts (1 for a word, 0 inside a phrase)
 * @param sarcastic     the praise in the text was read as sarcastic and counted negated
 */
record LexiconReading(double compound, double[] sentiments, int[] phraseLengths, boolean sarcastic) {

    static final LexiconReading EMPTY = new LexiconReading(0.0, new double[0], new int[0], false);

    int positiveItems() {
        int count = 0;
        for (double sentiment : sentiments) {
            count += sentiment > 0 ? 1 : 0;
        }
        return count;
    }

    int negativeItems() {
        int count = 0;
        for (double sentiment : sentiments) {
            count += sentiment < 0 ? 1 : 0;
        }
        return count;
    }

    /** The items that weighed most, strongest first, as written (a phrase with all its words). */
    List<WeightedTerm> strongestTerms(List<Token> tokens, int limit) {
        List<WeightedTerm> terms = new ArrayList<>();
        for (int i = 0; i < sentiments.length; i++) {
            if (sentiments[i] != 0.0 && phraseLengths[i] > 0) {
                StringBuilder term = new StringBuilder(tokens.get(i).text());
                for (int k = 1; k < phraseLengths[i]; k++) {
                    term.append(' ').append(tokens.get(i + k).text());
                }
                terms.add(new WeightedTerm(term.toString(), Math.round(sentiments[i] * 1000.0) / 1000.0));
            }
        }
        terms.sort(Comparator.comparingDouble((WeightedTerm term) -> -Math.abs(term.weight())));
        return terms.size() > limit ? List.copyOf(terms.subList(0, limit)) : List.copyOf(terms);
    }
}
