package org.instantfeedback.ingest.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.instantfeedback.ingest.feedback.SupportedScale;

/**
 * Finds a rating in the free text of an SMS. The first of these that applies wins:
 * <ol>
 *   <li>a fraction: {@code 4/5}, {@code 4 / 5}, {@code 4 out of 5} (5-point stars, 1-5) or
 *       {@code 8/10}, {@code 8 out of 10} (NPS, 0-10); not inside a date ({@code 1/5/2024}) or after
 *       a decimal point ({@code 4.5/5});</li>
 *   <li>star characters: {@code ★★★★☆} or {@code ⭐⭐⭐⭐} (the filled ones count, 1-5), or a
 *       free-standing run of 2-5 asterisks ({@code ****});</li>
 *   <li>a number of stars: {@code 4 stars}, {@code 1 star};</li>
 *   <li>a keyword and a number: {@code rate 2}, {@code rating: 4}, {@code rated it 3},
 *       {@code score 9}, {@code I give it 5};</li>
 *   <li>a message that is only a number ({@code 4}, {@code 9!}): the reply to a survey prompt;</li>
 *   <li>a message that is only emoji: faces on the 4-face smiley scale (😡 1, 🙁 2, 🙂 3, 😍 4,
 *       and their kin), 👍 / 👎 on the thumbs scale; all of them must agree.</li>
 * </ol>
 * Numbers after a keyword and lone numbers are on the survey scale the rules file sets (default
 * 5-point stars); a number outside it but within 0-10 is taken as NPS. Values outside every scale
 * give no rating; the text is kept either way. Linear in the length of the text.
 */
public final class RatingInText {
    private static final Set<String> KEYWORDS = Set.of("rate", "rating", "rated", "score", "scored");
    /** Keywords that also start everyday phrases ("gave us 2 hours"): their number must end the phrase. */
    private static final Set<String> LOOSE_KEYWORDS = Set.of("give", "gave", "giving");
    private static final Set<String> UNITS = Set.of("star", "stars", "points", "out");
    private static final Set<String> FILLERS = Set.of("it", "you", "us", "this", "a", "an", "of", "at", "is", "was");
    private static final int FILLED_STAR = 0x2605;
    private static final int EMPTY_STAR = 0x2606;
    private static final int GLOWING_STAR = 0x2B50;

    private RatingInText() {
    }

    /** The rating in {@code text}, numbers without a scale read on {@code surveyScale}. */
    public static Optional<FoundRating> find(String text, SupportedScale surveyScale) {
        String folded = SmsText.folded(text);
        List<Token> tokens = Token.scan(folded);
        Optional<FoundRating> found = fraction(tokens);
        if (found.isEmpty()) {
            found = starCharacters(folded);
        }
        if (found.isEmpty()) {
            found = asterisks(folded);
        }
        if (found.isEmpty()) {
            found = numberOfStars(tokens);
        }
        if (found.isEmpty()) {
            found = afterKeyword(tokens, surveyScale);
        }
        if (found.isEmpty()) {
            found = loneNumber(tokens, surveyScale);
        }
        if (found.isEmpty()) {
            found = RatingEmoji.onlyEmoji(text);
        }
        return found;
    }

    private static Optional<FoundRating> fraction(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token value = tokens.get(i);
            if (!value.isNumber() || value.text.length() > 2 || precededByJoiner(tokens, i)) {
                continue;
            }
            int denominator = -1;
            int next;
            if (is(tokens, i + 1, "/")) {
                next = i + 2;
            } else if (is(tokens, i + 1, "out") && is(tokens, i + 2, "of")) {
                next = i + 3;
            } else {
                continue;
            }
            if (next < tokens.size() && tokens.get(next).isNumber() && !is(tokens, next + 1, "/")) {
                denominator = switch (tokens.get(next).text) {
                    case "5" -> 5;
                    case "10" -> 10;
                    default -> -1;
                };
            }
            SupportedScale scale = denominator == 5 ? SupportedScale.STARS_5 : SupportedScale.NPS_0_10;
            if (denominator > 0 && scale.allows(value.number())) {
                return Optional.of(new FoundRating(value.number(), scale));
            }
        }
        return Optional.empty();
    }

    private static boolean precededByJoiner(List<Token> tokens, int i) {
        return i > 0 && tokens.get(i - 1).adjacent(tokens.get(i))
                && Set.of("/", ".", ",").contains(tokens.get(i - 1).text);
    }

    private static Optional<FoundRating> starCharacters(String text) {
        int filled = 0;
        int empty = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (codePoint == FILLED_STAR || codePoint == GLOWING_STAR) {
                filled++;
            } else if (codePoint == EMPTY_STAR) {
                empty++;
            }
            i += Character.charCount(codePoint);
        }
        if (filled >= 1 && filled <= 5 && filled + empty <= 5) {
            return Optional.of(new FoundRating(filled, SupportedScale.STARS_5));
        }
        return Optional.empty();
    }

    private static Optional<FoundRating> asterisks(String text) {
        List<Integer> runs = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '*') {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && text.charAt(i) == '*') {
                i++;
            }
            boolean freeStanding = (start == 0 || text.charAt(start - 1) == ' ')
                    && (i == text.length() || text.charAt(i) == ' ');
            runs.add(freeStanding ? i - start : -1);
        }
        if (runs.size() == 1 && runs.get(0) >= 2 && runs.get(0) <= 5) {
            return Optional.of(new FoundRating(runs.get(0), SupportedScale.STARS_5));
        }
        return Optional.empty();
    }

    private static Optional<FoundRating> numberOfStars(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token value = tokens.get(i);
            if (value.isNumber() && value.text.length() == 1 && !precededByJoiner(tokens, i)
                    && (is(tokens, i + 1, "star") || is(tokens, i + 1, "stars"))
                    && SupportedScale.STARS_5.allows(value.number())) {
                return Optional.of(new FoundRating(value.number(), SupportedScale.STARS_5));
            }
        }
        return Optional.empty();
    }

    private static Optional<FoundRating> afterKeyword(List<Token> tokens, SupportedScale surveyScale) {
        for (int i = 0; i < tokens.size(); i++) {
            boolean loose = LOOSE_KEYWORDS.contains(tokens.get(i).text);
            if (!loose && !KEYWORDS.contains(tokens.get(i).text)) {
                continue;
            }
            int next = i + 1;
            while (next < tokens.size() && next - i <= 2 && FILLERS.contains(tokens.get(next).text)) {
                next++;
            }
            if (is(tokens, next, ":") || is(tokens, next, "=")) {
                next++;
            }
            if (next < tokens.size() && tokens.get(next).isNumber() && tokens.get(next).text.length() <= 2
                    && !is(tokens, next + 1, "/") && !decimalFollows(tokens, next)
                    && (!loose || endsPhrase(tokens, next + 1))) {
                return onSurveyScale(tokens.get(next).number(), surveyScale);
            }
        }
        return Optional.empty();
    }

    /** Whether the number at {@code index} is the whole part of a decimal ({@code 4.5}, {@code 4,5}). */
    private static boolean decimalFollows(List<Token> tokens, int index) {
        return (is(tokens, index + 1, ".") || is(tokens, index + 1, ",")) && index + 2 < tokens.size()
                && tokens.get(index + 2).isNumber() && tokens.get(index).adjacent(tokens.get(index + 1))
                && tokens.get(index + 1).adjacent(tokens.get(index + 2));
    }

    private static boolean endsPhrase(List<Token> tokens, int index) {
        if (index >= tokens.size()) {
            return true;
        }
        Token next = tokens.get(index);
        return UNITS.contains(next.text) || !(next.isNumber() || Character.isLetter(next.text.charAt(0)));
    }

    private static Optional<FoundRating> loneNumber(List<Token> tokens, SupportedScale surveyScale) {
        int end = tokens.size();
        while (end > 0 && Set.of(".", "!").contains(tokens.get(end - 1).text)) {
            end--;
        }
        if (end == 1 && tokens.get(0).isNumber() && tokens.get(0).text.length() <= 2) {
            return onSurveyScale(tokens.get(0).number(), surveyScale);
        }
        return Optional.empty();
    }

    private static Optional<FoundRating> onSurveyScale(int value, SupportedScale surveyScale) {
        if (surveyScale.allows(value)) {
            return Optional.of(new FoundRating(value, surveyScale));
        }
        if (SupportedScale.NPS_0_10.allows(value)) {
            return Optional.of(new FoundRating(value, SupportedScale.NPS_0_10));
        }
        return Optional.empty();
    }

    private static boolean is(List<Token> tokens, int index, String text) {
        return index < tokens.size() && tokens.get(index).text.equals(text);
    }

    /** A word (letters), a number (ASCII digits) or one other character; white space separates. */
    private record Token(String text, int start, int end) {
        static List<Token> scan(String text) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                int start = i;
                if (c == ' ') {
                    i++;
                    continue;
                }
                if (SmsText.isAsciiDigit(c)) {
                    while (i < text.length() && SmsText.isAsciiDigit(text.charAt(i))) {
                        i++;
                    }
                } else if (Character.isLetter(c)) {
                    while (i < text.length() && Character.isLetter(text.charAt(i))) {
                        i++;
                    }
                } else {
                    i += Character.charCount(text.codePointAt(i));
                }
                tokens.add(new Token(text.substring(start, i), start, i));
            }
            return tokens;
        }

        boolean isNumber() {
            return SmsText.isAsciiDigit(text.charAt(0));
        }

        /** The value of a short number (callers check the length first). */
        int number() {
            return text.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(text);
        }

        boolean adjacent(Token next) {
            return end == next.start;
        }
    }
}
