package org.instantfeedback.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a text into {@link Token}s in one hand-written pass over its characters (no regular
 * expressions, so no backtracking: the work is linear in the text's length).
 *
 * <p>What it does beyond splitting on spaces, and why:
 * <ul>
 *   <li>@handles and #tags are names, not words: they are dropped. So are URLs.</li>
 *   <li>Emoji become the words of their description (VADER's way of scoring them).</li>
 *   <li>Emoticons (":-)", "<3", "D:") are recognised when they stand alone between spaces.</li>
 *   <li>Hyphens split words ("no-show" is "no show", as configuration terms are written).</li>
 *   <li>Times, decimals and ratings stay one token ("7:45", "8.05", "2/5").</li>
 *   <li>Elongated words ("soooo", "loooove") are looked up in their short form.</li>
 * </ul>
 */
final class Tokenizer {

    /** Hashtags that say the text means the opposite of what it says. */
    private static final Set<String> SARCASM_TAGS = Set.of("not", "sarcasm", "sarcastic");

    private final EmojiDescriptions emoji;
    private final Set<String> emoticons;
    private final int longestEmoticon;
    private final Vocabulary vocabulary;

    /** @param emoticons lower-case emoticons that may stand alone between spaces */
    Tokenizer(EmojiDescriptions emoji, Set<String> emoticons, Vocabulary vocabulary) {
        this.emoji = emoji;
        this.emoticons = Collections.unmodifiableSet(new HashSet<>(emoticons));
        this.longestEmoticon = emoticons.stream().mapToInt(String::length).max().orElse(0);
        this.vocabulary = vocabulary;
    }

    TokenizedText tokenize(String text) {
        return new Pass(text).run();
    }

    /** The state of one tokenization; a new one per text keeps the tokenizer thread-safe. */
    private final class Pass {
        private final String text;
        private final int length;
        private final List<Token> tokens = new ArrayList<>();
        private boolean pendingBreak;
        private boolean pendingComma;
        private int exclamations;
        private int questions;
        private boolean sarcasmTag;

        Pass(String text) {
            this.text = text;
            this.length = text.length();
        }

        TokenizedText run() {
            int i = 0;
            boolean chunkStart = true;
            while (i < length) {
                char c = text.charAt(i);
                if (isSpace(c)) {
                    pendingBreak |= c == '\n' || c == '\r';
                    chunkStart = true;
                    i++;
                    continue;
                }
                if (chunkStart) {
                    chunkStart = false;
                    if (mayBeWholeChunk(i)) {
                        int after = readWholeChunk(i);
                        if (after > i) {
                            i = after;
                            continue;
                        }
                    }
                }
                i = readAt(i);
            }
            return new TokenizedText(List.copyOf(tokens), exclamations, questions, sarcasmTag);
        }

        /** Reads one token or symbol starting at {@code i}; returns the index after it. */
        private int readAt(int i) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return readWord(i);
            }
            if ((cp == '@' || cp == '#') && i + 1 < length && isNameChar(text.codePointAt(i + 1))) {
                int end = skipName(i + 1);
                sarcasmTag |= cp == '#' && end - i <= 10 && SARCASM_TAGS.contains(text.substring(i + 1, end).toLowerCase(Locale.ROOT));
                return end;
            }
            int next = i + Character.charCount(cp);
            String[] description = emoji.describe(cp);
            if (description != null) {
                for (String word : description) {
                    add(word, word, Token.Kind.EMOJI, false, false, 0);
                }
            } else if (!EmojiDescriptions.isModifier(cp)) {
                punctuation(cp);
            }
            return next;
        }

        /** Cheap test before looking for the chunk's end: URLs start with h or w, emoticons with a symbol. */
        private boolean mayBeWholeChunk(int start) {
            char first = text.charAt(start);
            if (!Character.isLetterOrDigit(first)) {
                return true;
            }
            if (first == 'h' || first == 'H' || first == 'w' || first == 'W') {
                return true;
            }
            // "D:", "X-D": a letter then a symbol
            return start + 1 < length && !Character.isLetterOrDigit(text.charAt(start + 1))
                    && !isSpace(text.charAt(start + 1)) && text.charAt(start + 1) != '\'';
        }

        /**
         * A URL or a stand-alone emoticon is recognised as a whole space-delimited chunk.
         * Returns the index after the chunk when it was consumed, else {@code start}.
         */
        private int readWholeChunk(int start) {
            int end = start;
            while (end < length && !isSpace(text.charAt(end))) {
                end++;
            }
            if (isUrl(start)) {
                return end;
            }
            int trimmed = end;
            while (trimmed > start + 1 && isTrailingPunctuation(text.charAt(trimmed - 1))) {
                trimmed--;
            }
            if (trimmed - start > longestEmoticon || Character.isLetterOrDigit(text.codePointAt(start))
                    && Character.isLetterOrDigit(text.codePointBefore(trimmed))) {
                return start; // plain words are read by readWord, which knows more about them
            }
            String candidate = text.substring(start, trimmed);
            String key = candidate.toLowerCase(Locale.ROOT);
            if (!emoticons.contains(key)) {
                return start;
            }
            add(candidate, key, Token.Kind.EMOTICON, isShouting(candidate), false, 0);
            for (int i = trimmed; i < end; i++) {
                punctuation(text.charAt(i));
            }
            return end;
        }

        private int readWord(int start) {
            WordShape shape = new WordShape();
            int i = start;
            int previous = -1;
            while (i < length) {
                int cp = text.codePointAt(i);
                if (Character.isLetterOrDigit(cp) || isCombiningMark(cp)) {
                    shape.add(cp, previous);
                } else if (!joinsWord(cp, previous, i + 1, shape.segmentLength)) {
                    break;
                } else {
                    shape.connector(cp);
                }
                previous = cp;
                i += Character.charCount(cp);
            }
            emitWord(text.substring(start, i), shape);
            return i;
        }

        /** Apostrophes join letters; '.', ':', '/' and ',' join digits (and '.' abbreviations "U.S"). */
        private boolean joinsWord(int cp, int previous, int nextIndex, int segmentLength) {
            if (nextIndex >= length || previous < 0) {
                return false;
            }
            int next = text.codePointAt(nextIndex);
            if (!Character.isLetterOrDigit(next)) {
                return false;
            }
            boolean digits = Character.isDigit(previous) && Character.isDigit(next);
            return switch (cp) {
                case '\'', '\u2019', '\u02BC' -> Character.isLetter(previous) && Character.isLetter(next);
                case '.' -> digits || segmentLength == 1 && Character.isLetter(previous) && Character.isLetter(next);
                case ':', '/', ',' -> digits;
                default -> false;
            };
        }

        private void emitWord(String raw, WordShape shape) {
            String written = shape.curlyApostrophe ? raw.replace('\u2019', '\'').replace('\u02BC', '\'') : raw;
            String key = written.toLowerCase(Locale.ROOT);
            if (shape.hasDigit) {
                double rating = RatingFraction.valenceOf(key);
                Token.Kind kind = Double.isNaN(rating) ? Token.Kind.NUMBER : Token.Kind.RATING;
                add(written, key, kind, shape.shouting(), false, Double.isNaN(rating) ? 0 : rating);
                return;
            }
            if (shape.elongated) {
                key = shortenElongated(key);
            }
            Token.Kind kind = shape.foreignScript ? Token.Kind.FOREIGN_WORD : Token.Kind.WORD;
            add(written, key, kind, shape.shouting(), shape.elongated, 0);
        }

        private int skipName(int i) {
            while (i < length && isNameChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            return i;
        }

        private void punctuation(int cp) {
            switch (cp) {
                case '!' -> {
                    exclamations++;
                    pendingBreak = true;
                }
                case '?' -> {
                    questions++;
                    pendingBreak = true;
                }
                case '.', ';', '\u2026' -> pendingBreak = true;
                case ',' -> pendingComma = true;
                default -> {
                    // other symbols carry no meaning for the scorer
                }
            }
        }

        private void add(String written, String key, Token.Kind kind, boolean shouting, boolean elongated,
                         double rating) {
            tokens.add(new Token(written, key, kind, shouting, elongated, pendingBreak, pendingComma, rating,
                    vocabulary.of(key)));
            pendingBreak = false;
            pendingComma = false;
        }

        private boolean isUrl(int start) {
            return startsWithAscii(start, "http://") || startsWithAscii(start, "https://") || startsWithAscii(start, "www.");
        }

        /** Case-insensitive for ASCII letters; gives up at the first differing character. */
        private boolean startsWithAscii(int start, String prefix) {
            if (start + prefix.length() > length) {
                return false;
            }
            for (int k = 0; k < prefix.length(); k++) {
                char c = text.charAt(start + k);
                char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                if (lower != prefix.charAt(k)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** "soooo" is looked up as "soo", then "so"; the first known form wins. */
    private String shortenElongated(String key) {
        String two = collapseRuns(key, 2);
        if (vocabulary.knows(two)) {
            return two;
        }
        String one = collapseRuns(key, 1);
        return vocabulary.knows(one) ? one : two;
    }

    /** Shortens every run of three or more equal letters to {@code keep} letters. */
    static String collapseRuns(String word, int keep) {
        StringBuilder out = new StringBuilder(word.length());
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            int run = 1;
            while (i + run < word.length() && word.charAt(i + run) == c) {
                run++;
            }
            int copies = run >= 3 ? keep : run;
            for (int k = 0; k < copies; k++) {
                out.append(c);
            }
            i += run;
        }
        return out.toString();
    }

    static boolean isShouting(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            cased |= Character.isUpperCase(c);
        }
        return cased;
    }

    private static boolean isSpace(char c) {
        if (c < 0x80) {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1C && c <= 0x1F;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isNameChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_';
    }

    private static boolean isCombiningMark(int cp) {
        if (cp < 0x300) {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isTrailingPunctuation(char c) {
        return c == '.' || c == ',' || c == '!' || c == '?' || c == ';';
    }

    /** What the tokenizer learns about a word while reading it. */
    private static final class WordShape {
        boolean hasDigit;
        boolean hasUpper;
        boolean hasLower;
        boolean foreignScript;
        boolean elongated;
        boolean curlyApostrophe;
        int run;
        int segmentLength;

        void add(int cp, int previous) {
            segmentLength++;
            if (Character.isDigit(cp)) {
                hasDigit = true;
                run = 0;
                return;
            }
            hasUpper |= Character.isUpperCase(cp);
            hasLower |= Character.isLowerCase(cp);
            foreignScript |= cp > 0x24F && Character.isLetter(cp) && !isLatin(cp);
            run = cp == previous ? run + 1 : 1;
            elongated |= run >= 3;
        }

        void connector(int cp) {
            curlyApostrophe |= cp == '\u2019' || cp == '\u02BC';
            run = 0;
            segmentLength = 0;
        }

        boolean shouting() {
            return hasUpper && !hasLower;
        }

        private static boolean isLatin(int cp) {
            return Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
        }
    }
}
