package org.instantfeedback.ingest.privacy;

/**
 * Masks phone numbers and e-mail addresses in free text before it leaves the service, replacing
 * them with {@value #PHONE} and {@value #EMAIL}. Hand-written scanners, linear in the length of
 * the text whatever it contains (no regular expression that could backtrack).
 *
 * <ul>
 *   <li>E-mail address: a local part of letters, digits and {@code . _ % + -}, an {@code @}, and a
 *       domain of letter/digit/hyphen labels with at least one dot and a final label of two or
 *       more characters.</li>
 *   <li>Phone number: an optional {@code +}, then at least {@value #MIN_PHONE_DIGITS} digits that
 *       may be grouped by single or double spaces, hyphens, dots and parentheses
 *       ({@code +44 (0)20 7946-0000}, {@code 0176 12345678}). Shorter numbers (routes, times,
 *       ratings, prices) and dotted dates ({@code 01.05.2024}) stay.</li>
 * </ul>
 */
public final class PersonalDataMask {
    public static final String PHONE = "[phone]";
    public static final String EMAIL = "[email]";
    static final int MIN_PHONE_DIGITS = 7;
    /** Separators allowed in a row inside a number, e.g. {@code ") "} or {@code " - "} (three). */
    private static final int MAX_SEPARATOR_RUN = 3;

    private PersonalDataMask() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return maskPhones(maskEmails(text));
    }

    /** Whether {@code text} holds a phone-number-like run of at least {@code minDigits} digits. */
    public static boolean containsPhoneNumber(String text, int minDigits) {
        return !maskPhones(text, minDigits).equals(text);
    }

    static String maskEmails(String text) {
        if (text.indexOf('@') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int searchFrom = 0;
        int at;
        while ((at = text.indexOf('@', searchFrom)) >= 0) {
            int start = at;
            while (start > copied && isLocalPartChar(text.charAt(start - 1))) {
                start--;
            }
            int end = domainEnd(text, at + 1);
            if (start < at && end > at + 1) {
                out.append(text, copied, start).append(EMAIL);
                copied = end;
                searchFrom = end;
            } else {
                searchFrom = at + 1;
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** End of a valid domain starting at {@code from}, or {@code from} if there is none. */
    private static int domainEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isDomainChar(text.charAt(end))
                && !(text.charAt(end) == '.' && (end == from || text.charAt(end - 1) == '.'))) {
            end++;
        }
        while (end > from && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
            end--;
        }
        // Only the span just scanned is looked at again, so the whole scan stays linear.
        int lastDot = -1;
        for (int k = end - 1; k > from; k--) {
            if (text.charAt(k) == '.') {
                lastDot = k;
                break;
            }
        }
        boolean hasTopLevelLabel = lastDot > from && end - lastDot - 1 >= 2;
        return hasTopLevelLabel ? end : from;
    }

    private static boolean isLocalPartChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '.';
    }

    static String maskPhones(String text) {
        return maskPhones(text, MIN_PHONE_DIGITS);
    }

    private static String maskPhones(String text, int minDigits) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!Character.isDigit(c) && !(c == '+' || c == '(')) {
                i++;
                continue;
            }
            int digits = 0;
            int lastDigitEnd = -1;
            int separators = 0;
            int j = i;
            while (j < text.length()) {
                char d = text.charAt(j);
                if (Character.isDigit(d)) {
                    digits++;
                    separators = 0;
                    lastDigitEnd = j + 1;
                } else if (isPhoneSeparator(d) && separators < MAX_SEPARATOR_RUN && (d != '+' || j == i)) {
                    separators++;
                } else {
                    break;
                }
                j++;
            }
            if (digits >= minDigits && !isDate(text, i, lastDigitEnd)) {
                out.append(text, copied, i).append(PHONE);
                copied = lastDigitEnd;
                i = lastDigitEnd;
            } else {
                i = Math.max(i + 1, lastDigitEnd);
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /**
     * Whether {@code text[start, end)} is a dotted date ({@code 01.05.2024}, {@code 2024.05.01}):
     * three digit groups of 1-2, 1-2 and 4 digits (or 4, 1-2, 1-2) joined by single dots.
     */
    static boolean isDate(String text, int start, int end) {
        int[] groups = new int[3];
        int group = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                groups[group]++;
            } else if (c == '.' && group < 2 && groups[group] > 0) {
                group++;
            } else {
                return false;
            }
        }
        boolean dayFirst = groups[0] <= 2 && groups[1] <= 2 && groups[2] == 4;
        boolean yearFirst = groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2 && groups[2] > 0;
        return group == 2 && (dayFirst || yearFirst);
    }

    private static boolean isPhoneSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+' || c == '\u00A0';
    }
}
