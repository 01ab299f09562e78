package org.instantfeedback.scoring;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds topic terms and urgent terms in a token list, in one pass each.
 *
 * <p>Topics are additive: every term found anywhere adds its topic. Urgency is decided by the
 * longest term starting first, so "fire drill" (not urgent) hides "fire" (urgent); an urgent term
 * with a negation up to three words before it ("no accident", "nobody was hurt") does not count.
 */
final class TermFinder {

    private static final int NEGATION_WINDOW = 3;
    private static final Set<String> EXTRA_NEGATIONS = Set.of("no", "nobody", "noone", "zero");

    private final PhraseTable phrases;

    TermFinder(PhraseTable phrases) {
        this.phrases = phrases;
    }

    record Findings(Set<Topic> topics, boolean urgent) {
    }

    Findings find(List<Token> tokens) {
        return new Findings(topicsIn(tokens), isUrgent(tokens));
    }

    private Set<Topic> topicsIn(List<Token> tokens) {
        EnumSet<Topic> found = EnumSet.noneOf(Topic.class);
        for (int i = 0; i < tokens.size(); i++) {
            phrases.eachAt(tokens, i, PhraseTable.Use.TOPICS, phrase -> found.addAll(phrase.topics()));
        }
        return found;
    }

    private boolean isUrgent(List<Token> tokens) {
        int i = 0;
        while (i < tokens.size()) {
            PhraseTable.Match match = phrases.longestAt(tokens, i, PhraseTable.Use.URGENCY);
            if (match == null) {
                i++;
                continue;
            }
            if (match.phrase().urgency() == Phrase.Urgency.URGENT && !negatedBefore(tokens, i)) {
                return true;
            }
            i += match.length();
        }
        return false;
    }

    private static boolean negatedBefore(List<Token> tokens, int start) {
        for (int j = Math.max(0, start - NEGATION_WINDOW); j < start; j++) {
            Token token = tokens.get(j);
            if (token.facts().negation() || EXTRA_NEGATIONS.contains(token.key())) {
                return true;
            }
        }
        return false;
    }
}
