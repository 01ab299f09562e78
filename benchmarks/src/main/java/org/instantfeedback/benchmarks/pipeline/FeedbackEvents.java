package org.instantfeedback.benchmarks.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.instantfeedback.benchmarks.SmsCorpus;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;

/**
 * Realistic feedback for the benchmarks, the same for every run (fixed seed): passenger SMS texts
 * from {@link SmsCorpus}, a 1-5 star rating on four in five, spread evenly over the subjects.
 */
final class FeedbackEvents {
    private static final String[] TEXTS = SmsCorpus.mixed();
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedbackEvents() {
    }

    static String subject(long i, int subjects) {
        return String.format(Locale.ROOT, "route-%06d", i % subjects);
    }

    /**
     * Event {@code i} of a run: placed at {@code start + i * step} in event time, so every partition
     * sees its events in time order and none is late for any window.
     */
    static FeedbackReceived event(String runId, long i, int subjects, Instant start, Duration step) {
        Random random = new Random(i * 31 + 7);
        Instant at = start.plusNanos(step.toNanos() * i);
        return FeedbackReceived.newBuilder()
                .setEventId(runId + "-" + i)
                .setChannel(Channel.SMS)
                .setSubject(subject(i, subjects))
                .setRating(random.nextInt(5) == 0 ? null
                        : Rating.newBuilder().setValue(1 + random.nextInt(5)).setScale(RatingScale.STARS_5).build())
                .setText(TEXTS[(int) (i % TEXTS.length)])
                .setOccurredAt(at)
                .setReceivedAt(at)
                .build();
    }

    /** JSON bodies for {@code POST /v1/feedback}, cycling through the corpus and the subjects. */
    static List<byte[]> httpBodies(int count, int subjects) {
        List<byte[]> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ObjectNode body = JSON.createObjectNode();
            body.put("subject", subject(i, subjects));
            body.put("rating", 1 + new Random(i).nextInt(5));
            body.put("comment", TEXTS[i % TEXTS.length]);
            bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }
}
