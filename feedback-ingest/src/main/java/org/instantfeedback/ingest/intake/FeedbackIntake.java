package org.instantfeedback.ingest.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.ingest.feedback.FeedbackValidator;
import org.instantfeedback.ingest.feedback.InvalidFeedbackException;
import org.instantfeedback.ingest.kafka.DeduplicatingPublisher;
import org.instantfeedback.ingest.kafka.DeduplicatingPublisher.Outcome;
import org.instantfeedback.ingest.kafka.DeduplicatingPublisher.Publication;
import org.instantfeedback.ingest.kafka.PublishFailedException;
import org.instantfeedback.ingest.ratelimit.RateLimiter;
import org.instantfeedback.measures.RatingNormalisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every channel does with feedback once it has read it: check the rules, answer retries of
 * stored feedback without storing it again, hold senders to their limit, and store it in Kafka.
 * Counts what it accepts in {@code ingest.feedback.accepted} (by channel, scale and whether the
 * rating counts as satisfied for CSAT) and {@code ingest.feedback.duplicates}.
 */
public final class FeedbackIntake {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackIntake.class);

    /** Feedback Kafka has: stored now, or by an earlier request with the same id. */
    public record Accepted(String eventId, boolean duplicate) {
    }

    /** What became of one item of a batch. */
    public enum Status { ACCEPTED, DUPLICATE, REJECTED, UNAVAILABLE }

    /**
     * One item's result: its event id (null when rejected), its status, and why when it was
     * rejected ({@code invalid}) or could not be stored ({@code failure}).
     */
    public record ItemResult(String eventId, Status status, InvalidFeedbackException invalid,
            RuntimeException failure) {
    }

    private final FeedbackValidator validator;
    private final DeduplicatingPublisher publisher;
    private final RateLimiter limits;
    private final Clock clock;
    private final MeterRegistry metrics;

    public FeedbackIntake(FeedbackValidator validator, DeduplicatingPublisher publisher, RateLimiter limits,
            Clock clock, MeterRegistry metrics) {
        this.validator = validator;
        this.publisher = publisher;
        this.limits = limits;
        this.clock = clock;
        this.metrics = metrics;
    }

    public FeedbackValidator validator() {
        return validator;
    }

    /**
     * Validates and stores one submission.
     *
     * @throws InvalidFeedbackException naming every broken rule
     * @throws org.instantfeedback.ingest.ratelimit.RateLimitExceededException when the sender is over their limit
     * @throws org.instantfeedback.ingest.kafka.PublishUnavailableException when Kafka cannot take it now
     */
    public Accepted accept(FeedbackSubmission submission) {
        FeedbackReceived event = validator.validate(submission, clock.instant());
        if (publisher.alreadyStored(event.getEventId())) {
            countDuplicate(event);
            return new Accepted(event.getEventId(), true);
        }
        limits.checkSender(event.getSenderPseudonym());
        Publication publication = publisher.publish(event);
        count(event, publication);
        return new Accepted(event.getEventId(), publication == Publication.ALREADY_STORED);
    }

    /** Validates every submission and stores the valid ones together; one result per submission, in order. */
    public List<ItemResult> acceptAll(List<FeedbackSubmission> submissions) {
        Instant now = clock.instant();
        List<ItemResult> results = new ArrayList<>(submissions.size());
        List<FeedbackReceived> valid = new ArrayList<>();
        List<Integer> validIndexes = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            try {
                FeedbackReceived event = validator.validate(submissions.get(i), now);
                valid.add(event);
                validIndexes.add(i);
                results.add(null);
            } catch (InvalidFeedbackException e) {
                results.add(new ItemResult(null, Status.REJECTED, e, null));
            }
        }
        List<Outcome> outcomes = publisher.publishAll(valid);
        for (int k = 0; k < valid.size(); k++) {
            results.set(validIndexes.get(k), result(valid.get(k), outcomes.get(k)));
        }
        return results;
    }

    private ItemResult result(FeedbackReceived event, Outcome outcome) {
        if (outcome.failure() != null) {
            if (outcome.failure() instanceof PublishFailedException) {
                LOG.error("Kafka refused event {} for good", event.getEventId(), outcome.failure());
            }
            return new ItemResult(event.getEventId(), Status.UNAVAILABLE, null, outcome.failure());
        }
        count(event, outcome.publication());
        return new ItemResult(event.getEventId(),
                outcome.publication() == Publication.STORED ? Status.ACCEPTED : Status.DUPLICATE, null, null);
    }

    private void count(FeedbackReceived event, Publication publication) {
        if (publication == Publication.ALREADY_STORED) {
            countDuplicate(event);
            return;
        }
        String scale = event.getRating() == null ? "none" : event.getRating().getScale().name();
        String csat = event.getRating() == null ? "none" : RatingNormalisation
                .satisfied(event.getRating().getScale().name(), event.getRating().getValue())
                .map(satisfied -> satisfied ? "satisfied" : "not_satisfied").orElse("none");
        Counter.builder("ingest.feedback.accepted").description("Feedback stored in Kafka")
                .tag("channel", event.getChannel().name()).tag("scale", scale).tag("csat", csat)
                .register(metrics).increment();
    }

    private void countDuplicate(FeedbackReceived event) {
        Counter.builder("ingest.feedback.duplicates")
                .description("Feedback answered as already stored (retries), not produced again")
                .tag("channel", event.getChannel().name()).register(metrics).increment();
    }
}
