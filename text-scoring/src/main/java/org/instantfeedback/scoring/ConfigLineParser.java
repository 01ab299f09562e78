package org.instantfeedback.scoring;

import java.util.List;
import java.util.Optional;

/** Parses one line of a scoring configuration file; every problem names the file and line. */
final class ConfigLineParser {

    private static final String KINDS = "valence, topic, urgent, not-urgent, emoji";

    /** Where parsed entries go. */
    record Entries(List<ScoringConfig.ValenceEntry> valences, List<ScoringConfig.TopicEntry> topics,
                   List<ScoringConfig.UrgencyEntry> urgency, List<ScoringConfig.EmojiEntry> emoji) {
    }

    private final String source;

    ConfigLineParser(String source) {
        this.source = source;
    }

    void parse(String rawLine, int number, Entries entries) {
        int comment = rawLine.indexOf('#');
        String line = (comment >= 0 ? rawLine.substring(0, comment) : rawLine).strip();
        if (line.isEmpty()) {
            return;
        }
        int space = firstSpace(line);
        String kind = space < 0 ? line : line.substring(0, space);
        String rest = space < 0 ? "" : line.substring(space).strip();
        int equals = rest.indexOf('=');
        String term = (equals < 0 ? rest : rest.substring(0, equals)).strip();
        String value = equals < 0 ? null : rest.substring(equals + 1).strip();
        switch (kind) {
            case "valence" -> entries.valences().add(
                    new ScoringConfig.ValenceEntry(words(term, number), valence(value, number)));
            case "topic" -> entries.topics().add(new ScoringConfig.TopicEntry(words(term, number), topic(value, number)));
            case "urgent" -> entries.urgency().add(
                    new ScoringConfig.UrgencyEntry(words(term, number), noValue(value, number, true)));
            case "not-urgent" -> entries.urgency().add(
                    new ScoringConfig.UrgencyEntry(words(term, number), noValue(value, number, false)));
            case "emoji" -> entries.emoji().add(new ScoringConfig.EmojiEntry(emoji(term, number), valence(value, number)));
            default -> throw fail(number, "unknown kind '" + kind + "' (expected one of: " + KINDS + ")");
        }
    }

    private List<String> words(String term, int number) {
        if (term.isEmpty()) {
            throw fail(number, "the term is missing");
        }
        List<String> words = ScoringConfig.termWords(term);
        if (words.size() > PhraseTable.MAX_WORDS) {
            throw fail(number, "a term has at most " + PhraseTable.MAX_WORDS + " words: '" + term + "'");
        }
        for (String word : words) {
            if (!word.equals(PhraseTable.NUMBER) && !isWord(word, words.size() == 1)) {
                throw fail(number, "'" + word + "' in '" + term + "' is not a word: use letters and apostrophes"
                        + " (digits only in one-word terms; {n} for any number)");
            }
        }
        return words;
    }

    private static boolean isWord(String word, boolean alone) {
        boolean letter = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            letter |= Character.isLetter(c);
            boolean allowed = Character.isLetter(c) || c == '\'' || alone && Character.isDigit(c)
                    || Character.getType(c) == Character.NON_SPACING_MARK;
            if (!allowed) {
                return false;
            }
        }
        return letter;
    }

    /** One emoji, optionally with a variation selector or skin tone. */
    private int emoji(String term, int number) {
        int emoji = -1;
        for (int i = 0; i < term.length(); i += Character.charCount(term.codePointAt(i))) {
            int cp = term.codePointAt(i);
            if (EmojiDescriptions.isModifier(cp)) {
                continue;
            }
            if (emoji != -1 || Character.isLetterOrDigit(cp) || Character.isWhitespace(cp) || cp < 0x80) {
                throw fail(number, "emoji takes a single emoji, got '" + term + "'");
            }
            emoji = cp;
        }
        if (emoji == -1) {
            throw fail(number, "the emoji is missing");
        }
        return emoji;
    }

    private double valence(String value, int number) {
        if (value == null || value.isEmpty()) {
            throw fail(number, "valence needs '= <number>' (from -4 to 4)");
        }
        double valence;
        try {
            valence = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw fail(number, "valence must be a number from -4 to 4, got '" + value + "'");
        }
        if (!(Math.abs(valence) <= ScoringConfig.MAX_VALENCE)) {
            throw fail(number, "valence must be a number from -4 to 4, got '" + value + "'");
        }
        return valence;
    }

    private Topic topic(String value, int number) {
        if (value == null || value.isEmpty()) {
            throw fail(number, "topic needs '= <topic>' (one of: " + Topic.allIds() + ")");
        }
        Optional<Topic> topic = Topic.fromId(value);
        return topic.orElseThrow(() -> fail(number,
                "unknown topic '" + value + "' (expected one of: " + Topic.allIds() + ")"));
    }

    private boolean noValue(String value, int number, boolean urgent) {
        if (value != null) {
            throw fail(number, (urgent ? "urgent" : "not-urgent") + " takes a term only, no '= value'");
        }
        return urgent;
    }

    private static int firstSpace(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isWhitespace(line.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private ScoringConfigException fail(int number, String problem) {
        return new ScoringConfigException(source, number, problem);
    }
}
