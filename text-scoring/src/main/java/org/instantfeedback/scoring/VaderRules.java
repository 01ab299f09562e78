package org.instantfeedback.scoring;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The constants and word lists of VADER's rules (Hutto and Gilbert, ICWSM 2014; vaderSentiment
 * 3.3), written out from the published description: boosters and dampeners, negations, the
 * capitals and punctuation amplifiers, and the special-case idioms.
 */
final class VaderRules {

    /** Added (or subtracted) by a booster ("very") or dampener ("slightly"). */
    static final double BOOSTER_INCREMENT = 0.293;
    private static final double DAMPENER_INCREMENT = -0.293;
    /** Added when a sentiment word is in ALL CAPS while the rest of the text is not. */
    static final double CAPS_INCREMENT = 0.733;
    /** A negated sentiment is multiplied by this: flipped and weakened ("not good" < "bad"). */
    static final double NEGATION_SCALAR = -0.74;
    /** Normalisation constant of the compound score: x / sqrt(x^2 + alpha). */
    static final double NORMALIZATION_ALPHA = 15.0;
    /** Clause weights around the first "but": the part after it dominates. */
    static final double BEFORE_BUT = 0.5;
    static final double AFTER_BUT = 1.5;
    static final double PER_EXCLAMATION = 0.292;
    static final int MAX_EXCLAMATIONS = 4;
    static final double PER_QUESTION = 0.18;
    static final double MANY_QUESTIONS = 0.96;

    static final Set<String> NEGATIONS = Set.of(
            "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
            "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
            "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
            "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
            "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
            "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
            "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
            "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

    static final Map<String, Double> BOOSTERS = boosters();


    /** VADER's special-case idioms; scored here as phrases that replace their words' valence. */
    static final Map<String, Double> IDIOMS = Map.of(
            "the shit", 3.0,
            "the bomb", 3.0,
            "bad ass", 1.5,
            "badass", 1.5,
            "bus stop", 0.0,
            "yeah right", -2.0,
            "kiss of death", -1.5,
            "to die for", 3.0,
            "beating heart", 3.1,
            "broken heart", -2.9);

    private VaderRules() {
    }

    static boolean isNegation(String key) {
        return NEGATIONS.contains(key) || key.contains("n't");
    }

    /** VADER's two-word dampeners "kind of", "sort of", "just enough"; 0 for any other pair. */
    static double multiWordBooster(String first, String second) {
        boolean dampener = second.equals("of") && (first.equals("kind") || first.equals("sort"))
                || second.equals("enough") && first.equals("just");
        return dampener ? DAMPENER_INCREMENT : 0.0;
    }

    private static Map<String, Double> boosters() {
        String increments = "absolutely amazingly awfully completely considerable considerably decidedly deeply "
                + "effing enormous enormously entirely especially exceptional exceptionally extreme extremely "
                + "fabulously flipping flippin frackin fracking fricking frickin frigging friggin fully fuckin "
                + "fucking fuggin fugging greatly hella highly hugely incredible incredibly intensely major majorly "
                + "more most particularly purely quite really remarkably so substantially thoroughly total totally "
                + "tremendous tremendously uber unbelievably unusually utter utterly very";
        String decrements = "almost barely hardly kinda kindof less little marginal marginally occasional "
                + "occasionally partly scarce scarcely slight slightly somewhat sorta sortof";
        HashMap<String, Double> map = new HashMap<>();
        for (String word : increments.split(" ")) {
            map.put(word, BOOSTER_INCREMENT);
        }
        for (String word : decrements.split(" ")) {
            map.put(word, DAMPENER_INCREMENT);
        }
        return Map.copyOf(map);
    }
}
