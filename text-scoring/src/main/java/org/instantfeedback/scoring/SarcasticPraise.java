package org.instantfeedback.scoring;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Praise that is not meant: "Great, another 40 minute delay", "Thanks @CityBus for the lovely
 * tour of the ring road #not", "Another day, another delay. Thanks". VADER reads these as
 * positive; a complaint read as praise is the worst mistake a feedback pipeline can make.
 *
 * <p>The cues, all cheap and positional: the text opens with a praise word standing alone ("Great,",
 * "Oh brilliant,", "Thanks for", "Congrats on", "Well done on") and the rest of the text, its
 * praise words left out, is a net complaint; or it closes with a bare "thanks" after a net
 * complaint; or it carries #not, #sarcasm. Then every positive item counts negated. Genuine
 * praise is followed by more praise, so "Great, thanks for the quick refund" is untouched.
 */
final class SarcasticPraise {

    /** An item this negative (or worse) after the opener shows the praise is not meant. */
    private static final double COMPLAINT = -1.0;

    private static final Set<String> PRAISE = Set.of(
            "great", "brilliant", "wonderful", "fantastic", "perfect", "lovely", "marvellous", "marvelous",
            "superb", "excellent", "amazing", "awesome", "nice", "good", "thanks", "thank", "cheers", "congrats",
            "congratulations", "love", "wow", "yay", "fabulous", "terrific", "splendid", "outstanding", "well");
    private static final Set<String> LEAD_INS = Set.of("oh", "ah", "just", "so", "absolutely", "really");
    /** "Thanks for ...", "Congrats on ...", "Love that ...": praise aimed at what follows. */
    private static final Map<String, Set<String>> PRAISE_LINKS = Map.of(
            "thanks", Set.of("for"), "thank", Set.of("you"), "cheers", Set.of("for"),
            "congrats", Set.of("on"), "congratulations", Set.of("on"), "done", Set.of("on"),
            "love", Set.of("that", "how"), "amazing", Set.of("how"));
    private static final Set<String> THANKS = Set.of("thanks", "thank", "cheers", "thx", "ty");

    private SarcasticPraise() {
    }

    /**
     * Negates the positive items of {@code sentiments} when the text's praise is sarcastic.
     *
     * @return whether it was
     */
    static boolean apply(TokenizedText text, double[] sentiments) {
        List<Token> tokens = text.tokens();
        if (text.sarcasmTag() || sarcasticOpener(tokens, sentiments) || sarcasticClosingThanks(tokens, sentiments)) {
            for (int i = 0; i < sentiments.length; i++) {
                if (sentiments[i] > 0) {
                    sentiments[i] *= VaderRules.NEGATION_SCALAR;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean sarcasticOpener(List<Token> tokens, double[] sentiments) {
        int opener = 0;
        while (opener < tokens.size() - 1 && opener < 2 && LEAD_INS.contains(tokens.get(opener).key())) {
            opener++;
        }
        if (opener >= tokens.size() - 1 || !PRAISE.contains(tokens.get(opener).key())) {
            return false;
        }
        int after = opener + 1;
        if (tokens.get(opener).key().equals("well")) {
            if (!tokens.get(after).key().equals("done") || after + 1 >= tokens.size()) {
                return false;
            }
            after++;
            opener++;
        }
        Token next = tokens.get(after);
        boolean standsAlone = next.afterComma() || next.afterBreak()
                || PRAISE_LINKS.getOrDefault(tokens.get(opener).key(), Set.of()).contains(next.key());
        return standsAlone && complaintAfter(tokens, sentiments, opener);
    }

    private static boolean sarcasticClosingThanks(List<Token> tokens, double[] sentiments) {
        int last = lastItem(sentiments);
        if (last <= 0 || sentiments[last] <= 0 || !THANKS.contains(tokens.get(last).key())
                || !startsSentence(tokens, last)) {
            return false;
        }
        double rest = 0;
        for (int i = 0; i < last; i++) {
            rest += sentiments[i];
        }
        return rest <= COMPLAINT;
    }

    /** The thanks opens its sentence: "... delay. Thanks" or "... delay. Thank you". */
    private static boolean startsSentence(List<Token> tokens, int i) {
        return tokens.get(i).afterBreak() || tokens.get(i).afterComma();
    }

    /** What follows the opener, its praise words left out, is a net complaint. */
    private static boolean complaintAfter(List<Token> tokens, double[] sentiments, int opener) {
        double rest = 0;
        for (int i = opener + 1; i < sentiments.length; i++) {
            if (!PRAISE.contains(tokens.get(i).key())) {
                rest += sentiments[i];
            }
        }
        return rest <= COMPLAINT;
    }

    private static int lastItem(double[] sentiments) {
        for (int i = sentiments.length - 1; i >= 0; i--) {
            if (sentiments[i] != 0) {
                return i;
            }
        }
        return -1;
    }
}
