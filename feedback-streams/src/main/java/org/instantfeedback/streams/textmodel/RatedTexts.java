package org.instantfeedback.streams.textmodel;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatedText;
import org.instantfeedback.events.RatedTextLabel;
import org.instantfeedback.events.RatingScale;
import org.instantfeedback.measures.RatingNormalisation;
import org.instantfeedback.scoring.SentimentLabel;
import org.instantfeedback.scoring.training.RatingLabels;

/**
 * Every feedback that came with both a rating and a text is a labelled example of how this
 * operator's passengers write: the topology writes it to {@code feedback.rated-texts.v1}, keyed by
 * eventId, in the same transaction as the rest (so each example is there once).
 */
public final class RatedTexts {
    public static final String TO_RATED_TEXT = "feedback.to-rated-text.v1";
    public static final String RATED_TEXTS_SINK = "feedback.rated-texts.sink.v1";

    private RatedTexts() {
    }

    public static void addTo(KStream<String, FeedbackScored> scored, Serde<RatedText> serde) {
        scored.flatMap((subject, feedback) -> of(feedback)
                                .map(example -> List.of(KeyValue.pair(example.getEventId(), example)))
                                .orElse(List.of()),
                        Named.as(TO_RATED_TEXT))
                .to(Topics.RATED_TEXTS, Produced.with(Serdes.String(), serde).withName(RATED_TEXTS_SINK));
    }

    /** The example a scored feedback gives, if it has a rating that says something and a text. */
    public static Optional<RatedText> of(FeedbackScored scored) {
        FeedbackReceived feedback = scored.getFeedback();
        String text = feedback.getText();
        Rating rating = feedback.getRating();
        // An answer to the follow-up question rates the handling, not what the text says of the journey.
        if (text == null || text.isBlank() || rating == null || feedback.getAnswersFollowUp()) {
            return Optional.empty();
        }
        return label(rating).map(label -> RatedText.newBuilder()
                .setEventId(feedback.getEventId())
                .setSubject(feedback.getSubject())
                .setText(text)
                .setLabel(label)
                .setRating(rating)
                .setLanguage(scored.getLanguage())
                .setOccurredAt(feedback.getOccurredAt())
                .build());
    }

    /** Stars and faces by their 5-point equivalent, 0-10 by promoter category; other scales say nothing here. */
    static Optional<RatedTextLabel> label(Rating rating) {
        if (rating.getScale() == RatingScale.NPS_0_10) {
            return RatingNormalisation.npsCategory(rating.getScale().name(), rating.getValue())
                    .map(category -> symbol(RatingLabels.ofRecommendation(rating.getValue())));
        }
        return RatingNormalisation.fivePointEquivalent(rating.getScale().name(), rating.getValue())
                .map(stars -> symbol(RatingLabels.ofFivePoint(stars)));
    }

    private static RatedTextLabel symbol(SentimentLabel label) {
        return switch (label) {
            case NEGATIVE -> RatedTextLabel.NEGATIVE;
            case NEUTRAL -> RatedTextLabel.NEUTRAL;
            case POSITIVE -> RatedTextLabel.POSITIVE;
            default -> RatedTextLabel.UNKNOWN;
        };
    }
}
