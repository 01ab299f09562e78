package org.instantfeedback.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;

/**
 * A realistic, reproducible stream of feedback as feedback-ingest writes it: about 50 subjects,
 * star ratings with and without comments, smileys, thumbs, NPS scores (which CSAT leaves out),
 * text-only messages, the odd urgent safety report, and about one in a hundred events sent twice
 * (a client retry: same eventId, received again a little later). Events come in event-time order,
 * spread over {@code span} before {@code end}, so many windows get meaningful counts.
 */
final class FeedbackMix {
    private static final String[] PRAISE = {"lovely driver, thank you", "bus on time and clean", "great service today",
        "friendly staff at the station"};
    private static final String[] COMPLAINTS = {"bus 42 late again", "driver was rude", "dirty seats and no air",
        "the tram never came", "too crowded, could not get on"};
    private static final String URGENT = "driver was drunk and crashed into a car";

    private FeedbackMix() {
    }

    /** {@code count} events (retries included) for {@code subjects} subjects, seeded so every run is the same. */
    static List<FeedbackReceived> generate(long seed, int count, int subjects, String subjectPrefix, Instant end,
                                           Duration span) {
        Random random = new Random(seed);
        List<FeedbackReceived> events = new ArrayList<>(count);
        long start = end.minus(span).toEpochMilli();
        long step = Math.max(1, span.toMillis() / count);
        for (int i = 0; events.size() < count; i++) {
            Instant occurredAt = Instant.ofEpochMilli(start + i * step);
            String subject = subjectPrefix + String.format(Locale.ROOT, "%02d", random.nextInt(subjects));
            FeedbackReceived event = one(random, seed + "-" + i, subject, occurredAt);
            events.add(event);
            if (random.nextInt(100) == 0 && events.size() < count) {
                // A retry: same event id and content, accepted again a moment later.
                events.add(FeedbackReceived.newBuilder(event).setReceivedAt(event.getReceivedAt().plusSeconds(2)).build());
            }
        }
        return events;
    }

    private static FeedbackReceived one(Random random, String eventId, String subject, Instant occurredAt) {
        FeedbackReceived.Builder builder = FeedbackReceived.newBuilder()
                .setEventId(eventId)
                .setSubject(subject)
                .setChannel(Channel.WEB)
                .setSenderPseudonym("sender-" + random.nextInt(5_000))
                .setOccurredAt(occurredAt)
                .setReceivedAt(occurredAt.plusSeconds(3));
        int kind = random.nextInt(100);
        if (kind < 55) {
            int stars = 1 + random.nextInt(5);
            builder.setRating(rating(stars, RatingScale.STARS_5));
            if (random.nextInt(3) == 0) {
                builder.setText(stars >= 4 ? pick(random, PRAISE) : pick(random, COMPLAINTS));
            }
        } else if (kind < 65) {
            builder.setRating(rating(1 + random.nextInt(4), RatingScale.SMILEY_4)).setChannel(Channel.KIOSK);
        } else if (kind < 72) {
            builder.setRating(rating(random.nextInt(2), RatingScale.THUMBS)).setChannel(Channel.QR);
        } else if (kind < 80) {
            builder.setRating(rating(random.nextInt(11), RatingScale.NPS_0_10)).setChannel(Channel.API);
        } else if (kind < 99) {
            builder.setChannel(Channel.SMS).setText(random.nextBoolean() ? pick(random, PRAISE) : pick(random, COMPLAINTS));
        } else {
            builder.setChannel(Channel.SMS).setText(URGENT);
        }
        return builder.build();
    }

    /** A web star rating as ingest writes it for {@code {"subject":..,"rating":stars}}: what the test expects counted. */
    static FeedbackReceived webRating(String eventId, String subject, int stars, Instant occurredAt) {
        return FeedbackReceived.newBuilder()
                .setEventId(eventId)
                .setChannel(Channel.WEB)
                .setSubject(subject)
                .setRating(rating(stars, RatingScale.STARS_5))
                .setOccurredAt(occurredAt)
                .setReceivedAt(occurredAt)
                .build();
    }

    private static Rating rating(int value, RatingScale scale) {
        return Rating.newBuilder().setValue(value).setScale(scale).build();
    }

    private static String pick(Random random, String[] texts) {
        return texts[random.nextInt(texts.length)];
    }
}
