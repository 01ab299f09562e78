package org.instantfeedback.ingest.sms;

import java.util.Locale;

/** Shared character rules of the SMS scanners. */
final class SmsText {
    private SmsText() {
    }

    /** Lower-cased ({@link Locale#ROOT}), runs of white space as one space, trimmed. Linear. */
    static String folded(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean space = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Letters and digits of any script: what makes a word, for word boundaries. */
    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    static boolean startsWord(String text, int index) {
        return index == 0 || !isWordChar(text.charAt(index - 1));
    }

    static boolean endsWord(String text, int index) {
        return index >= text.length() || !isWordChar(text.charAt(index));
    }
}
