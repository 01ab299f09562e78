package org.instantfeedback.streams.csat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;

/** Feedback events as the ingest service writes them, for tests. */
public final class Feedback {
    /** How long after the experience the feedback reached the ingest service in these tests. */
    public static final Duration DELIVERY_DELAY = Duration.ofSeconds(3);

    private Feedback() {
    }

    public static FeedbackReceived stars(String subject, int stars, Instant occurredAt) {
        return rated(subject, stars, RatingScale.STARS_5, occurredAt);
    }

    public static FeedbackReceived rated(String subject, int value, RatingScale scale, Instant occurredAt) {
        return builder(subject, occurredAt)
                .setRating(Rating.newBuilder().setValue(value).setScale(scale).build())
                .build();
    }

    /** Feedback with both a rating and a text: what the text model learns from. */
    public static FeedbackReceived ratedText(String subject, int value, RatingScale scale, String text,
                                             Instant occurredAt) {
        return builder(subject, occurredAt)
                .setRating(Rating.newBuilder().setValue(value).setScale(scale).build())
                .setText(text)
                .build();
    }

    public static FeedbackReceived textOnly(String subject, String text, Instant occurredAt) {
        return builder(subject, occurredAt).setChannel(Channel.SMS).setText(text).build();
    }

    private static FeedbackReceived.Builder builder(String subject, Instant occurredAt) {
        return FeedbackReceived.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setChannel(Channel.WEB)
                .setSubject(subject)
                .setOccurredAt(occurredAt)
                .setReceivedAt(occurredAt.plus(DELIVERY_DELAY));
    }
}
