package org.instantfeedback.scoring;

import static org.instantfeedback.scoring.VaderRules.CAPS_INCREMENT;
import static org.instantfeedback.scoring.VaderRules.NEGATION_SCALAR;

import java.util.List;

/**
 * VADER's rules applied to a token list, giving the compound score in [-1, 1].
 *
 * <p>Per sentiment item (a lexicon word, emoticon, emoji word, rating, or a configured phrase): its
 * valence; "no" before it; ALL CAPS while the text is not all caps; boosters and dampeners up to
 * three words before it (weaker with distance); negation up to three words before it; "least";
 * then the clause after the first "but" weighs 1.5 and the one before it 0.5; "!" and "?" amplify
 * the sum, which is normalised to [-1, 1].
 *
 * <p>Deliberate differences from vaderSentiment 3.3 (bugs there, or our extensions): a configured
 * phrase is one sentiment item; dampener bigrams ("kind of") move the valence towards zero for
 * negative words too; the "but" weights apply by position, not by value lookup; an elongated
 * sentiment word ("loooove") gets a booster's emphasis; {@link SarcasticPraise} is negated; the
 * "never so good" emphasis needs the "never" (vaderSentiment applies it to any "so good").
 */
final class SentimentAnalysis {

    private final PhraseTable phrases;

    SentimentAnalysis(PhraseTable phrases) {
        this.phrases = phrases;
    }

    double compound(TokenizedText text) {
        return read(text).compound();
    }

    /** The compound score with what went into it: each token's weight, the sarcasm cue. */
    LexiconReading read(TokenizedText text) {
        List<Token> tokens = text.tokens();
        if (tokens.isEmpty()) {
            return LexiconReading.EMPTY;
        }
        Items items = findItems(tokens);
        boolean capsDiffer = capsDiffer(tokens);
        double[] sentiments = new double[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            sentiments[i] = valenceAt(tokens, items, i, capsDiffer);
        }
        boolean sarcastic = SarcasticPraise.apply(text, sentiments);
        weighAroundBut(tokens, items, sentiments);
        return new LexiconReading(Compound.of(sentiments, text.exclamations(), text.questions()), sentiments,
                items.phraseLengths(), sarcastic);
    }

    /** Marks each token's base valence: phrases first (longest from the left), then the lexicon. */
    private Items findItems(List<Token> tokens) {
        Items items = new Items(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            PhraseTable.Match phrase = phrases.longestAt(tokens, i, PhraseTable.Use.VALENCE);
            if (phrase != null) {
                items.phrase(i, phrase.length(), phrase.phrase().valence());
                i += phrase.length();
                continue;
            }
            Token token = tokens.get(i);
            items.base[i] = token.kind() == Token.Kind.RATING ? token.rating() : token.facts().valence();
            i++;
        }
        return items;
    }

    private double valenceAt(List<Token> tokens, Items items, int i, boolean capsDiffer) {
        Token token = tokens.get(i);
        if (items.inPhraseTail[i] || Double.isNaN(items.base[i])) {
            return 0.0;
        }
        boolean phraseHead = items.phraseHead[i];
        if (!phraseHead && (token.facts().isBooster() || isKindOf(tokens, i))) {
            return 0.0;
        }
        double valence = items.base[i];
        if (!phraseHead && token.key().equals("no") && i < tokens.size() - 1 && items.isItem(i + 1)) {
            // "no" before a sentiment word negates it rather than scoring on its own
            valence = 0.0;
        }
        if (negatedByNo(tokens, i)) {
            valence = items.base[i] * NEGATION_SCALAR;
        }
        if (token.shouting() && capsDiffer) {
            valence += valence > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
        }
        if (token.elongated() && valence != 0) {
            valence += Math.signum(valence) * VaderRules.BOOSTER_INCREMENT;
        }
        valence = new Modifiers(tokens, items, i, capsDiffer).apply(valence);
        return valence;
    }

    private static boolean isKindOf(List<Token> tokens, int i) {
        return i < tokens.size() - 1 && tokens.get(i).key().equals("kind") && tokens.get(i + 1).key().equals("of");
    }

    private static boolean negatedByNo(List<Token> tokens, int i) {
        return i > 0 && key(tokens, i - 1).equals("no")
                || i > 1 && key(tokens, i - 2).equals("no")
                || i > 2 && key(tokens, i - 3).equals("no")
                && (key(tokens, i - 1).equals("or") || key(tokens, i - 1).equals("nor"));
    }

    /** VADER's differential: capitals only emphasise when not everything is in capitals. */
    private static boolean capsDiffer(List<Token> tokens) {
        int shouting = 0;
        for (Token token : tokens) {
            if (token.shouting()) {
                shouting++;
            }
        }
        return shouting > 0 && shouting < tokens.size();
    }

    private static void weighAroundBut(List<Token> tokens, Items items, double[] sentiments) {
        int but = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (!items.inPhraseTail[i] && tokens.get(i).key().equals("but")) {
                but = i;
                break;
            }
        }
        if (but < 0) {
            return;
        }
        for (int i = 0; i < sentiments.length; i++) {
            if (i < but) {
                sentiments[i] *= VaderRules.BEFORE_BUT;
            } else if (i > but) {
                sentiments[i] *= VaderRules.AFTER_BUT;
            }
        }
    }

    static String key(List<Token> tokens, int i) {
        return tokens.get(i).key();
    }

    /** Per token: its base valence (NaN when it is not a sentiment item) and phrase membership. */
    static final class Items {
        final double[] base;
        final boolean[] phraseHead;
        final boolean[] inPhraseTail;

        Items(int size) {
            base = new double[size];
            phraseHead = new boolean[size];
            inPhraseTail = new boolean[size];
        }

        void phrase(int start, int length, double valence) {
            base[start] = valence;
            phraseHead[start] = true;
            for (int k = start + 1; k < start + length; k++) {
                base[k] = Double.NaN;
                inPhraseTail[k] = true;
            }
        }

        /** Per token: the number of words of the phrase it starts, 1 for a single word, 0 in a phrase's tail. */
        int[] phraseLengths() {
            int[] lengths = new int[base.length];
            for (int i = 0; i < base.length; i++) {
                if (!inPhraseTail[i]) {
                    int end = i + 1;
                    while (end < base.length && inPhraseTail[end]) {
                        end++;
                    }
                    lengths[i] = end - i;
                }
            }
            return lengths;
        }

        /** VADER's "in the lexicon": a sentiment item or part of one, so not a modifier. */
        boolean isItem(int i) {
            return inPhraseTail[i] || !Double.isNaN(base[i]);
        }
    }
}
