package org.instantfeedback.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Emoji to the words of their plain-English description, from VADER's emoji lexicon. VADER scores
 * an emoji by scoring its description ("crying face" is negative through "crying").
 *
 * <p>Keys are single code points. Variation selectors, skin tones and the zero-width joiner are
 * ignored by the tokenizer, so "👍🏽" reads as "👍" and a ZWJ sequence reads as its parts.
 */
final class EmojiDescriptions {

    private final Map<Integer, String[]> wordsByCodePoint;

    private EmojiDescriptions(Map<Integer, String[]> wordsByCodePoint) {
        this.wordsByCodePoint = wordsByCodePoint;
    }

    static EmojiDescriptions load(InputStream in) {
        Map<Integer, String[]> words = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    addEntry(words, line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the emoji lexicon", e);
        }
        return new EmojiDescriptions(words);
    }

    /**
     * The words the emoji reads as: its description's, or the emoji itself when it is scored as a
     * whole; null when the code point is not an emoji we know.
     */
    String[] describe(int codePoint) {
        // every emoji is outside ASCII: skip the map lookup for ordinary punctuation
        return codePoint < 0x80 ? null : wordsByCodePoint.get(codePoint);
    }

    /** A copy in which these emoji read as themselves (the lexicon scores them as a whole). */
    EmojiDescriptions scoringWhole(Set<Integer> codePoints) {
        Map<Integer, String[]> words = new HashMap<>(wordsByCodePoint);
        for (int codePoint : codePoints) {
            words.put(codePoint, new String[] {new String(Character.toChars(codePoint))});
        }
        return new EmojiDescriptions(words);
    }

    /** Code points that only modify the emoji before them; they carry no meaning of their own. */
    static boolean isModifier(int cp) {
        return cp == 0x200D                      // zero-width joiner
                || cp == 0xFE0F || cp == 0xFE0E  // variation selectors
                || cp == 0x20E3                  // combining keycap
                || (cp >= 0x1F3FB && cp <= 0x1F3FF) // skin tones
                || (cp >= 0x1F1E6 && cp <= 0x1F1FF) // regional indicators (flags)
                || (cp >= 0xE0020 && cp <= 0xE007F); // tag characters (subdivision flags)
    }

    private static void addEntry(Map<Integer, String[]> words, String emoji, String description) {
        int base = baseCodePoint(emoji);
        // ASCII and letters/digits (keycaps "1️⃣", "#️⃣") must stay text, not become descriptions.
        if (base < 0x80 || Character.isLetterOrDigit(base) || words.containsKey(base)) {
            return;
        }
        words.put(base, descriptionWords(description));
    }

    /** The single meaningful code point of an entry, or -1 for a sequence of several. */
    private static int baseCodePoint(String emoji) {
        int base = -1;
        for (int i = 0; i < emoji.length(); i += Character.charCount(emoji.codePointAt(i))) {
            int cp = emoji.codePointAt(i);
            if (isModifier(cp)) {
                continue;
            }
            if (base != -1) {
                return -1;
            }
            base = cp;
        }
        return base;
    }

    private static String[] descriptionWords(String description) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < description.length(); i++) {
            char c = description.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '\'') {
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words.toArray(String[]::new);
    }
}
