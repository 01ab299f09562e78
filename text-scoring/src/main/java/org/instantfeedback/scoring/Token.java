package org.instantfeedback.scoring;

/**
 * One unit the scorer reasons about: a word, a number, a rating such as "2/5", an emoticon, or one
 * word of an emoji's description.
 *
 * @param text        as written (capitals kept; elongation kept), used for the ALL-CAPS rule
 * @param key         lower-case lookup form (elongation resolved, curly apostrophes straightened)
 * @param kind        what sort of unit it is
 * @param shouting    Python's {@code str.isupper()}: it has cased letters and none is lower case
 * @param elongated   written with a letter repeated three or more times ("soooo")
 * @param afterBreak  a sentence break (. ! ? ; or a new line) comes between the previous token and this one
 * @param afterComma  a comma comes between the previous token and this one
 * @param rating      for {@link Kind#RATING}, its valence on VADER's scale; otherwise 0
 * @param facts       what the scorer knows about {@code key}
 */
record Token(String text, String key, Kind kind, boolean shouting, boolean elongated,
             boolean afterBreak, boolean afterComma, double rating, WordFacts facts) {

    enum Kind {
        /** Letters only, in the Latin script (the scripts the lexicon can read). */
        WORD,
        /** Letters in another script (Cyrillic, Greek, CJK...). */
        FOREIGN_WORD,
        /** Contains digits: "42", "7:45", "3rd", "gr8". */
        NUMBER,
        /** A score out of 5 or 10 such as "2/5" or "10/10". */
        RATING,
        EMOTICON,
        /** A word of an emoji's description; scored, but never a topic or urgent term. */
        EMOJI
    }
}
