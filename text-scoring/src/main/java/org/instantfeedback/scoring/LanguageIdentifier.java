package org.instantfeedback.scoring;

import java.util.List;
import java.util.Set;

/**
 * Decides a text's language cheaply where it can, and asks the {@link LanguageDetection} only
 * where it must: at 100,000 texts per second a detector cannot run on every text.
 *
 * <ol>
 *   <li>No words at all (emoji, "2/5", "??"): {@code und}; the text is still scored.</li>
 *   <li>Unknown capitalised words are names and do not count either way.</li>
 *   <li>Mostly words of another script (Cyrillic, CJK, ...): ask the detector.</li>
 *   <li>At least {@value #ENGLISH_SHARE_PERCENT}% of the words known English, and few function
 *       words of other European languages ("der", "que", "très"): {@code en}.</li>
 *   <li>One or two words ("ok", "gracias"): {@code en}; too short to call foreign, and a foreign
 *       label would hide the text from sentiment alerts.</li>
 *   <li>Otherwise ask the detector; when it cannot tell, {@code en}.</li>
 * </ol>
 */
final class LanguageIdentifier {

    static final String ENGLISH = "en";
    static final String UNDETERMINED = "und";
    private static final int ENGLISH_SHARE_PERCENT = 50;
    private static final int SHORTEST_TEXT_TO_CALL_FOREIGN = 3;
    /**
     * Frequent function words of other languages that are not English words. German nouns are
     * capitalised like names, and "die", "bus" or "super" are English too, so without these a
     * German sentence can look half English.
     */
    static final Set<String> FOREIGN_FUNCTION_WORDS = Set.of(
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "im", "mit", "zu", "den", "dem",
            "sehr", "auf", "ich", "wir", "el", "los", "las", "del", "por", "para", "que", "muy", "una", "está",
            "y", "con", "le", "les", "des", "du", "est", "et", "très", "une", "pas", "je", "nous", "vous",
            "avec", "pour", "sur", "della", "che", "non", "per", "sono", "molto", "gli", "não", "muito", "uma",
            "com", "em", "het", "een", "niet", "ik", "zijn", "van", "voor", "się", "nie", "jest", "bardzo", "że");

    private final LanguageDetection detection;

    LanguageIdentifier(LanguageDetection detection) {
        this.detection = detection;
    }

    String identify(List<Token> tokens) {
        int latinWords = 0;
        int knownWords = 0;
        int foreignFunctionWords = 0;
        int foreignScriptWords = 0;
        for (Token token : tokens) {
            if (token.kind() == Token.Kind.FOREIGN_WORD) {
                foreignScriptWords++;
            } else if (token.kind() == Token.Kind.WORD) {
                boolean foreign = token.facts().foreignFunctionWord();
                boolean known = token.facts().english();
                if (known || foreign || !isCapitalized(token.text())) {
                    latinWords++;
                    knownWords += known ? 1 : 0;
                    foreignFunctionWords += foreign ? 1 : 0;
                }
            }
        }
        if (latinWords + foreignScriptWords == 0) {
            return UNDETERMINED;
        }
        if (foreignScriptWords > latinWords) {
            return detection.detect(words(tokens)).orElse(UNDETERMINED);
        }
        if (latinWords < SHORTEST_TEXT_TO_CALL_FOREIGN) {
            return ENGLISH;
        }
        boolean mostlyEnglish = knownWords * 100 >= latinWords * ENGLISH_SHARE_PERCENT;
        boolean foreignGrammar = foreignFunctionWords >= 2 || foreignFunctionWords * 4 >= latinWords;
        if (mostlyEnglish && !foreignGrammar) {
            return ENGLISH;
        }
        return detection.detect(words(tokens)).orElse(ENGLISH);
    }

    /** "Glavine", "Utrecht": an unknown capitalised word is most likely a name, in any language. */
    private static boolean isCapitalized(String word) {
        return word.length() > 1 && Character.isUpperCase(word.charAt(0)) && Character.isLowerCase(word.charAt(1));
    }

    private static String words(List<Token> tokens) {
        StringBuilder words = new StringBuilder();
        for (Token token : tokens) {
            Token.Kind kind = token.kind();
            if (kind != Token.Kind.WORD && kind != Token.Kind.FOREIGN_WORD) {
                continue;
            }
            if (words.length() + token.key().length() >= OpenNlpLanguageDetection.MAX_CHARS) {
                break;
            }
            if (words.length() > 0) {
                words.append(' ');
            }
            words.append(token.key());
        }
        return words.toString();
    }
}
