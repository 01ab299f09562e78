package org.instantfeedback.alerting;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Feedback for tests, built to read like the situation it stands for. */
public final class Feedback {
    private static final AtomicLong IDS = new AtomicLong();

    private String eventId = "event-" + IDS.incrementAndGet();
    private String subject = "route-42";
    private Instant at = Instant.parse("2025-03-10T08:00:00Z");
    private Integer rating;
    private String scale;
    private String sentiment;
    private boolean urgent;
    private List<String> topics = List.of();
    private String sender;
    private String text;
    private String reading;

    private Feedback() {
    }

    public static Feedback feedback() {
        return new Feedback();
    }

    public static FeedbackObservation negativeText(String sender, Instant at) {
        return feedback().from(sender).at(at).negative("The bus was late again and the driver was rude").build();
    }

    public static FeedbackObservation positiveText(String sender, Instant at) {
        return feedback().from(sender).at(at).positive("Friendly driver, clean bus").build();
    }

    public static FeedbackObservation stars(int stars, String sender, Instant at) {
        return feedback().from(sender).at(at).stars(stars).build();
    }

    public Feedback id(String id) {
        this.eventId = id;
        return this;
    }

    public Feedback about(String subject) {
        this.subject = subject;
        return this;
    }

    public Feedback at(Instant at) {
        this.at = at;
        return this;
    }

    public Feedback stars(int stars) {
        return rating(stars, "STARS_5");
    }

    public Feedback likelihoodToRecommend(int score) {
        return rating(score, "NPS_0_10");
    }

    public Feedback rating(int value, String scale) {
        this.rating = value;
        this.scale = scale;
        return this;
    }

    public Feedback negative(String text) {
        return text(text, "negative");
    }

    public Feedback positive(String text) {
        return text(text, "positive");
    }

    public Feedback neutral(String text) {
        return text(text, "neutral");
    }

    public Feedback text(String text, String sentiment) {
        this.text = text;
        this.sentiment = sentiment;
        return this;
    }

    public Feedback urgent(String text) {
        this.urgent = true;
        this.topics = List.of("safety");
        return negative(text);
    }

    public Feedback topics(String... topics) {
        this.topics = List.of(topics);
        return this;
    }

    public Feedback from(String sender) {
        this.sender = sender;
        return this;
    }

    /** How the text read, as the streams app explains it ("negative 94%: rude -2.0"). */
    public Feedback reading(String explanation) {
        this.reading = explanation;
        return this;
    }

    public FeedbackObservation build() {
        return new FeedbackObservation(eventId, subject, at, rating, scale, sentiment, urgent, topics, sender, text,
                reading);
    }
}
