package org.instantfeedback.ingest.sms;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.instantfeedback.ingest.feedback.SupportedScale;

/**
 * Emoji replies: faces on the 4-face smiley scale of kiosks (1 very unhappy .. 4 very happy) and
 * thumbs. Skin tones, variation selectors and joiners are ignored.
 */
final class RatingEmoji {
    static final Map<Integer, FoundRating> TABLE = table();

    private RatingEmoji() {
    }

    /** The rating of a message made only of rating emoji that all agree, if it is one. */
    static Optional<FoundRating> onlyEmoji(String text) {
        FoundRating agreed = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isIgnorable(codePoint)) {
                continue;
            }
            FoundRating rating = TABLE.get(codePoint);
            if (rating == null || (agreed != null && !agreed.equals(rating))) {
                return Optional.empty();
            }
            agreed = rating;
        }
        return Optional.ofNullable(agreed);
    }

    private static boolean isIgnorable(int codePoint) {
        return Character.isWhitespace(codePoint) || codePoint == 0xFE0F || codePoint == 0xFE0E
                || codePoint == 0x200D || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF);
    }

    private static Map<Integer, FoundRating> table() {
        Map<Integer, FoundRating> table = new HashMap<>();
        face(table, 1, 0x1F621, 0x1F620, 0x1F92C, 0x1F624, 0x1F62D, 0x1F62B, 0x1F629, 0x1F92E);
        face(table, 2, 0x1F641, 0x2639, 0x1F61E, 0x1F61F, 0x1F615, 0x1F612, 0x1F614, 0x1F622, 0x1F623, 0x1F616);
        face(table, 3, 0x1F642, 0x1F60A, 0x263A, 0x1F60C, 0x1F600, 0x1F609);
        face(table, 4, 0x1F603, 0x1F604, 0x1F601, 0x1F60D, 0x1F929, 0x1F970, 0x1F606, 0x2764, 0x1F4AF, 0x1F44F);
        table.put(0x1F44D, new FoundRating(1, SupportedScale.THUMBS));
        table.put(0x1F44E, new FoundRating(0, SupportedScale.THUMBS));
        return Map.copyOf(table);
    }

    private static void face(Map<Integer, FoundRating> table, int value, int... codePoints) {
        for (int codePoint : codePoints) {
            table.put(codePoint, new FoundRating(value, SupportedScale.SMILEY_4));
        }
    }
}
