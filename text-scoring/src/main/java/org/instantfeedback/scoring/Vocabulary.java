package org.instantfeedback.scoring;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Word to {@link WordFacts}: every list the scorer consults, merged into one map at build time. */
final class Vocabulary {

    private final Map<String, WordFacts> facts;
    private final EnglishVocabulary english;

    private Vocabulary(Map<String, WordFacts> facts, EnglishVocabulary english) {
        this.facts = facts;
        this.english = english;
    }

    static Vocabulary of(Lexicon lexicon, EnglishVocabulary english, PhraseTable phrases, Set<String> phraseStarts) {
        Set<String> words = new HashSet<>(lexicon.words());
        words.addAll(english.words());
        words.addAll(VaderRules.BOOSTERS.keySet());
        words.addAll(VaderRules.NEGATIONS);
        words.addAll(LanguageIdentifier.FOREIGN_FUNCTION_WORDS);
        words.addAll(phraseStarts);
        Map<String, WordFacts> facts = new HashMap<>(words.size() * 2);
        for (String word : words) {
            boolean foreign = LanguageIdentifier.FOREIGN_FUNCTION_WORDS.contains(word);
            facts.put(word, new WordFacts(
                    lexicon.valence(word),
                    VaderRules.BOOSTERS.getOrDefault(word, 0.0),
                    VaderRules.isNegation(word),
                    !foreign && (english.contains(word) || isLetters(word) && lexicon.contains(word)),
                    foreign,
                    phrases.startingWith(word)));
        }
        return new Vocabulary(facts, english);
    }

    WordFacts of(String key) {
        WordFacts known = facts.get(key);
        if (known != null) {
            return known;
        }
        boolean negation = VaderRules.isNegation(key);
        boolean englishStem = english.contains(key);
        if (!negation && !englishStem) {
            return WordFacts.UNKNOWN;
        }
        return new WordFacts(Double.NaN, 0.0, negation, englishStem, false, null);
    }

    /** Whether a word is known at all; decides how an elongated word ("soooo") is read. */
    boolean knows(String key) {
        return facts.containsKey(key) || english.contains(key);
    }

    private static boolean isLetters(String word) {
        return word.chars().allMatch(c -> Character.isLetter(c) || c == '\'');
    }
}
