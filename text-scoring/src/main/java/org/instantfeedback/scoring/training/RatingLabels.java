package org.instantfeedback.scoring.training;

import java.util.Locale;
import java.util.Optional;

import org.instantfeedback.measures.NpsCategory;
import org.instantfeedback.scoring.SentimentLabel;

/**
 * What a rating says about the text that came with it: the label a model learns from. Stars 1-2
 * negative, 3 neutral, 4-5 positive; on the 0-10 recommendation scale, detractors (0-6) negative,
 * passives (7-8) neutral, promoters (9-10) positive; other scales by their 5-point equivalent.
 */
public final class RatingLabels {

    private RatingLabels() {
    }

    public static SentimentLabel ofFivePoint(int stars) {
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("a 5-point rating is 1 to 5, got " + stars);
        }
        return stars <= 2 ? SentimentLabel.NEGATIVE : stars == 3 ? SentimentLabel.NEUTRAL : SentimentLabel.POSITIVE;
    }

    public static SentimentLabel ofRecommendation(int score) {
        NpsCategory category = NpsCategory.of(score)
                .orElseThrow(() -> new IllegalArgumentException("a 0-10 rating is 0 to 10, got " + score));
        return switch (category) {
            case DETRACTOR -> SentimentLabel.NEGATIVE;
            case PASSIVE -> SentimentLabel.NEUTRAL;
            case PROMOTER -> SentimentLabel.POSITIVE;
        };
    }

    /**
     * A rating as written in a labelled file: stars ("4"), "n/5", "n/10" (the recommendation
     * scale), "up" or "down" (thumbs), or a label ("negative", "neutral", "positive").
     */
    public static Optional<SentimentLabel> parse(String written) {
        String rating = written.trim().toLowerCase(Locale.ROOT);
        try {
            switch (rating) {
                case "negative", "neutral", "positive" -> {
                    return Optional.of(SentimentLabel.fromId(rating));
                }
                case "up", "thumbs-up" -> {
                    return Optional.of(SentimentLabel.POSITIVE);
                }
                case "down", "thumbs-down" -> {
                    return Optional.of(SentimentLabel.NEGATIVE);
                }
                default -> {
                    if (rating.endsWith("/10")) {
                        return Optional.of(ofRecommendation(digits(rating.substring(0, rating.length() - 3))));
                    }
                    String stars = rating.endsWith("/5") ? rating.substring(0, rating.length() - 2) : rating;
                    return Optional.of(ofFivePoint(digits(stars)));
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** One or two ASCII digits, no sign: "+4" or a digit of another script is not a rating here. */
    private static int digits(String written) {
        if (!written.matches("[0-9]{1,2}")) {
            throw new IllegalArgumentException("not a rating: " + written);
        }
        return Integer.parseInt(written);
    }
}
