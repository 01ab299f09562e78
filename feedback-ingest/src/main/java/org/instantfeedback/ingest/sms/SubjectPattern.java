package org.instantfeedback.ingest.sms;

import java.util.Optional;

/**
 * A {@code pattern} rule: words around one number placeholder, such as {@code route {n}},
 * {@code #{n}} or {@code x{n}}, and the subject it yields, such as {@code route-{n}}.
 *
 * <ul>
 *   <li>Letters match case-insensitively; a pattern starting with a letter or digit only matches
 *       at the start of a word ({@code online 5} does not match {@code line {n}}).</li>
 *   <li>A space in the pattern matches up to {@value #MAX_GAP} spaces, hyphens, colons or dots,
 *       and also nothing: {@code route {n}} matches {@code Route 42}, {@code route42},
 *       {@code ROUTE-42} and {@code route: 42}.</li>
 *   <li>{@code {n}} matches 1 to {@value #MAX_DIGITS} digits that are not followed by another
 *       digit or a letter; leading zeros are dropped ({@code bus 007} is {@code 7}).</li>
 * </ul>
 * Matching tries each position of the text once with a bounded amount of work, so it is linear in
 * the length of the text.
 */
final class SubjectPattern implements SubjectRule {
    static final String PLACEHOLDER = "{n}";
    static final int MAX_DIGITS = 5;
    static final int MAX_GAP = 3;

    /** Literal characters; {@code ' '} stands for a gap. */
    private final String before;
    private final String after;
    private final String template;

    private SubjectPattern(String before, String after, String template) {
        this.before = before;
        this.after = after;
        this.template = template;
    }

    /**
     * @throws IllegalArgumentException explaining what is wrong with the pattern or template
     */
    static SubjectPattern compile(String pattern, String template) {
        String folded = SmsText.folded(pattern);
        int placeholder = folded.indexOf(PLACEHOLDER);
        if (placeholder < 0 || folded.indexOf(PLACEHOLDER, placeholder + 1) >= 0) {
            throw new IllegalArgumentException("a pattern has exactly one " + PLACEHOLDER + " (the number), like"
                    + " 'route {n}'; got '" + pattern + "'");
        }
        String before = folded.substring(0, placeholder);
        String after = folded.substring(placeholder + PLACEHOLDER.length());
        if (before.isBlank() && after.isBlank()) {
            throw new IllegalArgumentException("a pattern needs a word or sign next to " + PLACEHOLDER
                    + ", like 'bus {n}' or '#{n}'; a bare number would match every number in a message");
        }
        if (before.indexOf('{') >= 0 || before.indexOf('}') >= 0 || after.indexOf('{') >= 0
                || after.indexOf('}') >= 0) {
            throw new IllegalArgumentException("the only placeholder is " + PLACEHOLDER + "; got '" + pattern + "'");
        }
        if (template.indexOf(PLACEHOLDER) != template.lastIndexOf(PLACEHOLDER)) {
            throw new IllegalArgumentException("a subject template has " + PLACEHOLDER + " at most once; got '"
                    + template + "'");
        }
        return new SubjectPattern(before, after, template);
    }

    @Override
    public Optional<String> subjectIn(String text) {
        for (int start = 0; start < text.length(); start++) {
            Optional<String> number = numberAt(text, start);
            if (number.isPresent()) {
                return Optional.of(template.replace(PLACEHOLDER, number.get()));
            }
        }
        return Optional.empty();
    }

    /** The number if the pattern matches at {@code start}. Bounded work: no backtracking. */
    private Optional<String> numberAt(String text, int start) {
        if (!before.isEmpty() && SmsText.isWordChar(before.charAt(0)) && !SmsText.startsWord(text, start)) {
            return Optional.empty();
        }
        int position = literal(text, start, before);
        if (position < 0) {
            return Optional.empty();
        }
        int digitsStart = position;
        while (position < text.length() && position - digitsStart < MAX_DIGITS
                && SmsText.isAsciiDigit(text.charAt(position))) {
            position++;
        }
        if (position == digitsStart || (position < text.length() && SmsText.isWordChar(text.charAt(position)))) {
            return Optional.empty();
        }
        if (before.isEmpty() && !SmsText.startsWord(text, digitsStart)) {
            return Optional.empty();
        }
        String digits = text.substring(digitsStart, position);
        int end = literal(text, position, after);
        if (end < 0 || (!after.isEmpty() && SmsText.isWordChar(after.charAt(after.length() - 1))
                && !SmsText.endsWord(text, end))) {
            return Optional.empty();
        }
        return Optional.of(withoutLeadingZeros(digits));
    }

    /** Position after {@code literal} matched at {@code from}, or -1. */
    private static int literal(String text, int from, String literal) {
        int position = from;
        for (int i = 0; i < literal.length(); i++) {
            char wanted = literal.charAt(i);
            if (wanted == ' ') {
                int gapEnd = position;
                while (gapEnd < text.length() && gapEnd - position < MAX_GAP && isGap(text.charAt(gapEnd))) {
                    gapEnd++;
                }
                position = gapEnd;
            } else if (position < text.length() && text.charAt(position) == wanted) {
                position++;
            } else {
                return -1;
            }
        }
        return position;
    }

    private static boolean isGap(char c) {
        return c == ' ' || c == '-' || c == ':' || c == '.';
    }

    private static String withoutLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /** The subject the template gives for a sample number, to check templates at load time. */
    String sampleSubject() {
        return template.replace(PLACEHOLDER, "42");
    }

    @Override
    public String toString() {
        return "pattern " + before + PLACEHOLDER + after + " -> " + template;
    }
}
