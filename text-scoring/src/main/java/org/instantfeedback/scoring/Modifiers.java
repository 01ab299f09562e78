package org.instantfeedback.scoring;

import static org.instantfeedback.scoring.VaderRules.CAPS_INCREMENT;
import static org.instantfeedback.scoring.VaderRules.NEGATION_SCALAR;

import java.util.List;

/**
 * The words up to three places before a sentiment item, as VADER reads them: boosters and
 * dampeners (weaker with distance: 1, 0.95, 0.9), negations, "never so/this" emphasis, "without
 * doubt", dampener bigrams ("kind of good") and "least".
 */
final class Modifiers {

    private static final double[] DISTANCE_DAMPING = {1.0, 0.95, 0.9};
    private static final double NEVER_SO_EMPHASIS = 1.25;

    private final List<Token> tokens;
    private final SentimentAnalysis.Items items;
    private final int item;
    private final boolean capsDiffer;

    Modifiers(List<Token> tokens, SentimentAnalysis.Items items, int item, boolean capsDiffer) {
        this.tokens = tokens;
        this.items = items;
        this.item = item;
        this.capsDiffer = capsDiffer;
    }

    double apply(double valence) {
        double result = valence;
        for (int distance = 0; distance < 3; distance++) {
            int j = item - (distance + 1);
            if (j < 0 || items.isItem(j)) {
                continue; // a sentiment word is scored on its own, never as a modifier
            }
            result += boost(tokens.get(j), result) * DISTANCE_DAMPING[distance];
            result = negate(result, distance);
            if (distance == 2) {
                result = dampenBigrams(result);
            }
        }
        return least(result);
    }

    private double boost(Token modifier, double valence) {
        double increment = modifier.facts().booster();
        if (increment == 0.0) {
            return 0.0;
        }
        double scalar = valence < 0 ? -increment : increment;
        if (modifier.shouting() && capsDiffer) {
            scalar += valence > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
        }
        return scalar;
    }

    private double negate(double valence, int distance) {
        if (distance == 0) {
            return isNegation(1) ? valence * NEGATION_SCALAR : valence;
        }
        if (distance == 1) {
            if (is(2, "never") && (is(1, "so") || is(1, "this"))) {
                return valence * NEVER_SO_EMPHASIS;
            }
            if (is(2, "without") && is(1, "doubt")) {
                return valence;
            }
            return isNegation(2) ? valence * NEGATION_SCALAR : valence;
        }
        if (is(3, "never") && (is(2, "so") || is(2, "this") || is(1, "so") || is(1, "this"))) {
            return valence * NEVER_SO_EMPHASIS;
        }
        if (is(3, "without") && (is(2, "doubt") || is(1, "doubt"))) {
            return valence;
        }
        return isNegation(3) ? valence * NEGATION_SCALAR : valence;
    }

    /** "kind of good": dampens towards zero, whatever the sign. */
    private double dampenBigrams(double valence) {
        double adjustment = 0.0;
        for (int back = 3; back >= 2; back--) {
            double increment = VaderRules.multiWordBooster(key(back), key(back - 1));
            adjustment += valence < 0 ? -increment : increment;
        }
        return valence + adjustment;
    }

    /** "least good" is negated; "at least" and "very least" are not. */
    private double least(double valence) {
        if (item > 0 && !items.isItem(item - 1) && is(1, "least")) {
            boolean idiom = item > 1 && (is(2, "at") || is(2, "very"));
            return idiom ? valence : valence * NEGATION_SCALAR;
        }
        return valence;
    }

    private boolean isNegation(int back) {
        return tokens.get(item - back).facts().negation();
    }

    private boolean is(int back, String word) {
        return item - back >= 0 && key(back).equals(word);
    }

    private String key(int back) {
        return tokens.get(item - back).key();
    }
}
