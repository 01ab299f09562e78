package org.instantfeedback.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Common English words (a list written for this project), with regular inflections ("checking",
 * "hills"). With the lexicon's words they make the English fast path of {@link LanguageIdentifier}.
 */
final class EnglishVocabulary {

    static final String COMMON_WORDS_RESOURCE = "english_common_words.txt";

    private static final String[] SUFFIXES = {"s", "es", "ed", "d", "ing", "ly", "er", "est", "'s"};

    private final Set<String> words;

    private EnglishVocabulary(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    static EnglishVocabulary of(InputStream commonWords) {
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(commonWords, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int comment = line.indexOf('#');
                String content = comment >= 0 ? line.substring(0, comment) : line;
                for (String word : content.trim().split("\\s+")) {
                    if (!word.isEmpty()) {
                        words.add(word.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + COMMON_WORDS_RESOURCE, e);
        }
        return new EnglishVocabulary(words);
    }

    Set<String> words() {
        return words;
    }

    /** Known as written, or as the stem of a regular inflection ("checking", "hills", "steeper"). */
    boolean contains(String word) {
        if (words.contains(word)) {
            return true;
        }
        for (String suffix : SUFFIXES) {
            if (word.length() > suffix.length() + 2 && word.endsWith(suffix)
                    && words.contains(word.substring(0, word.length() - suffix.length()))) {
                return true;
            }
        }
        return false;
    }
}
