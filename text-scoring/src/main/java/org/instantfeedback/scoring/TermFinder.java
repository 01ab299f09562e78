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

    private final PhraseTable<Set<Topic>> topics;
    private final PhraseTable<Boolean> urgency;

    TermFinder(PhraseTable<Set<Topic>> topics, PhraseTable<Boolean> urgency) {
        this.topics = topics;
        this.urgency = urgency;
    }

    record Findings(Set<Topic> topics, boolean urgent) {
    }

    Findings find(List<Token> tokens) {
        return new Findings(topicsIn(tokens), isUrgent(tokens));
    }

    private Set<Topic> topicsIn(List<Token> tokens) {
        EnumSet<Topic> found = EnumSet.noneOf(Topic.class);
        for (int i = 0; i < tokens.size(); i++) {
            topics.eachAt(tokens, i, found::addAll);
        }
        return found;
    }

    private boolean isUrgent(List<Token> tokens) {
        int i = 0;
        while (i < tokens.size()) {
            PhraseTable.Match<Boolean> match = urgency.longestAt(tokens, i);
            if (match == null) {
                i++;
                continue;
            }
            if (match.value() && !negatedBefore(tokens, i)) {
                return true;
            }
            i += match.length();
        }
        return false;
    }

    private static boolean negatedBefore(List<Token> tokens, int start) {
        for (int j = Math.max(0, start - NEGATION_WINDOW); j < start; j++) {
            String key = tokens.get(j).key();
            if (VaderRules.isNegation(key) || EXTRA_NEGATIONS.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
