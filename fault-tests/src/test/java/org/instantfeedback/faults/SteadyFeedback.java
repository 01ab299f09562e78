package org.instantfeedback.faults;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;

/**
 * A steady trickle of star ratings, as feedback-ingest writes them, one per call of {@link #run}
 * (the test schedules it at a fixed rate). Keeps every event the broker acknowledged, so the test
 * can compute what CSAT must show.
 */
final class SteadyFeedback implements Runnable {
    private final KafkaProducer<String, FeedbackReceived> producer;
    private final List<String> subjects;
    private final AtomicLong sequence = new AtomicLong();
    final Map<String, FeedbackReceived> acknowledged = new ConcurrentHashMap<>();
    final List<Exception> failures = new CopyOnWriteArrayList<>();

    SteadyFeedback(KafkaProducer<String, FeedbackReceived> producer, List<String> subjects) {
        this.producer = producer;
        this.subjects = subjects;
    }

    @Override
    public void run() {
        long n = sequence.getAndIncrement();
        String subject = subjects.get((int) (n % subjects.size()));
        Instant now = Instant.now();
        FeedbackReceived event = FeedbackReceived.newBuilder()
                .setEventId("steady-" + n)
                .setChannel(Channel.WEB)
                .setSubject(subject)
                .setRating(Rating.newBuilder().setValue(1 + (int) (n * 7 % 5)).setScale(RatingScale.STARS_5).build())
                .setOccurredAt(now)
                .setReceivedAt(now)
                .build();
        producer.send(new ProducerRecord<>(Topics.FEEDBACK_RECEIVED, subject, event), (metadata, failure) -> {
            if (failure == null) {
                acknowledged.put(event.getEventId(), event);
            } else {
                failures.add(failure);
            }
        });
    }

    long sent() {
        return sequence.get();
    }
}
