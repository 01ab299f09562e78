package org.instantfeedback.ingest.privacy;

import java.util.Locale;

/**
 * One spelling per sender address, so {@code +44 7700 900123}, {@code 0044-7700-900123} and
 * {@code +447700900123} are the same sender (same pseudonym, same rate limit, same entry in an
 * inbound-number map). International numbers become E.164 ({@code +} and digits); numbers without
 * a country code keep their digits (the country cannot be guessed safely); alphanumeric sender ids
 * and short codes are lower-cased.
 */
public final class PhoneNumbers {
    /** Longest address considered; longer input is cut, which keeps every call cheap. */
    static final int MAX_LENGTH = 64;

    private PhoneNumbers() {
    }

    public static String normalise(String raw) {
        String trimmed = raw.strip();
        if (trimmed.length() > MAX_LENGTH) {
            trimmed = trimmed.substring(0, MAX_LENGTH);
        }
        StringBuilder digits = new StringBuilder(trimmed.length());
        boolean international = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.length() == 0 && !international) {
                international = true;
            } else if (!isSeparator(c)) {
                return trimmed.toLowerCase(Locale.ROOT);
            }
        }
        if (!international && digits.length() > 2 && digits.charAt(0) == '0' && digits.charAt(1) == '0') {
            return "+" + digits.substring(2);
        }
        if (digits.length() == 0) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        return international ? "+" + digits : digits.toString();
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '/' || c == '\u00A0';
    }
}
