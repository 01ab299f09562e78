package org.instantfeedback.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.instantfeedback.measures.Csat;
import org.instantfeedback.measures.NpsCategory;

/**
 * One piece of feedback as the alerting core sees it: the fields of {@code FeedbackReceived} plus
 * what text scoring read in its text, in plain types, so this module needs neither Avro nor the
 * scorer. The streams application builds one per deduplicated event.
 *
 * @param eventId         unique id of the feedback; the same feedback sent twice carries the same id
 * @param subject         the route or branch the feedback is about
 * @param occurredAt      event time
 * @param ratingValue     the rating on its scale, or null when none was given
 * @param ratingScale     the scale's name as in the Avro enum ({@value #STARS_5}, {@value #NPS_0_10},
 *                        THUMBS, ...), or null when no rating was given; other scales count only as
 *                        responses
 * @param sentiment       the sentiment label of the text (negative, neutral, positive, unknown), or
 *                        null when there was no text to score; unknown counts as unscored
 * @param urgent          true when the text is a safety report ops must see now
 * @param topics          topic ids the text is about (punctuality, staff, ...)
 * @param senderPseudonym keyed pseudonym of the sender, or null when the sender is anonymous
 * @param text            the text with personal data already masked upstream, or null
 * @param reading         why the text read as it did, as ops see it beside the text in alert examples
 *                        ("negative 94%: rude -2.0, late again -2.2"), or null when it was not read
 */
public record FeedbackObservation(String eventId, String subject, Instant occurredAt, Integer ratingValue,
                                  String ratingScale, String sentiment, boolean urgent, List<String> topics,
                                  String senderPseudonym, String text, String reading) {
    public static final String STARS_5 = "STARS_5";
    private static final String NPS_0_10 = "NPS_0_10";

    public FeedbackObservation {
        requireText(eventId, "eventId");
        requireText(subject, "subject");
        Objects.requireNonNull(occurredAt, "occurredAt");
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** Feedback whose reading is not explained. */
    public FeedbackObservation(String eventId, String subject, Instant occurredAt, Integer ratingValue,
                               String ratingScale, String sentiment, boolean urgent, List<String> topics,
                               String senderPseudonym, String text) {
        this(eventId, subject, occurredAt, ratingValue, ratingScale, sentiment, urgent, topics, senderPseudonym, text,
                null);
    }

    /** The rating on the 5-point scale (1-5), if this feedback has one. */
    public OptionalInt stars() {
        return ratingOn(STARS_5, 1, 5);
    }

    /** The rating on the 0-10 scale, if this feedback has one. */
    public OptionalInt likelihoodToRecommend() {
        return ratingOn(NPS_0_10, 0, 10);
    }

    /** Where the 0-10 rating puts the sender, if this feedback has one. */
    public Optional<NpsCategory> npsCategory() {
        OptionalInt score = likelihoodToRecommend();
        return score.isPresent() ? NpsCategory.of(score.getAsInt()) : Optional.empty();
    }

    /** True when the 5-point rating counts as satisfied, as in the CSAT windows; false without one. */
    public boolean isSatisfied() {
        OptionalInt stars = stars();
        return stars.isPresent() && Csat.isSatisfied(stars.getAsInt());
    }

    /** True when the text was scored in a language the scorer knows (negative, neutral or positive). */
    public boolean hasScoredText() {
        String label = sentimentLabel();
        return label.equals("negative") || label.equals("neutral") || label.equals("positive");
    }

    public boolean readsNegative() {
        return sentimentLabel().equals("negative");
    }

    /**
     * A complaint is an unhappy response: its text reads negative, it rates 1-3 on the 5-point
     * scale (not satisfied, as CSAT counts it) or 0-6 on the 0-10 scale (a detractor), or it is
     * urgent. One notion for every alert kind, so "complaints" means the same in a volume spike as
     * in the distinct-sender rule.
     */
    public boolean isComplaint() {
        return urgent
                || readsNegative()
                || (stars().isPresent() && !isSatisfied())
                || npsCategory().orElse(null) == NpsCategory.DETRACTOR;
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    private OptionalInt ratingOn(String scale, int lowest, int highest) {
        if (ratingValue == null || ratingScale == null || !ratingScale.toUpperCase(Locale.ROOT).equals(scale)) {
            return OptionalInt.empty();
        }
        int value = ratingValue;
        return value < lowest || value > highest ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private String sentimentLabel() {
        return sentiment == null ? "" : sentiment.strip().toLowerCase(Locale.ROOT);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
