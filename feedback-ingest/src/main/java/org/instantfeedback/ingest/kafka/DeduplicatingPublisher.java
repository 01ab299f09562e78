package org.instantfeedback.ingest.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.instantfeedback.events.FeedbackReceived;

/**
 * Publishes each event id once per instance and horizon: feedback whose id this instance stored
 * within the horizon (a provider's retry, a kiosk re-sending its batch, a double tap) is answered
 * as {@link Publication#ALREADY_STORED} without producing again. Requests carrying the same id at
 * the same moment wait for the first one instead of racing it. Ids are remembered only once Kafka
 * has acknowledged the event, so a retry after a failure is always produced. Across instances and
 * beyond the horizon, consumers deduplicate by event id.
 */
public final class DeduplicatingPublisher {
    /** What became of an event that was not refused. */
    public enum Publication { STORED, ALREADY_STORED }

    /** One event's outcome in a batch: a publication, or the failure that stopped it. */
    public record Outcome(Publication publication, RuntimeException failure) {
        static Outcome of(Publication publication) {
            return new Outcome(publication, null);
        }

        static Outcome failed(RuntimeException failure) {
            return new Outcome(null, failure);
        }
    }

    private static final int ATTEMPTS = 2;

    private final FeedbackPublisher publisher;
    private final RecentEventIds recent;
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final Duration waitForOther;

    DeduplicatingPublisher(FeedbackPublisher publisher, RecentEventIds recent) {
        this.publisher = publisher;
        this.recent = recent;
        this.waitForOther = publisher.timeout().plusSeconds(1);
    }

    public static DeduplicatingPublisher create(FeedbackPublisher publisher, Duration horizon, int maxEntries) {
        return new DeduplicatingPublisher(publisher, new RecentEventIds(horizon, maxEntries, System::nanoTime));
    }

    /** Whether this instance stored an event with this id within the horizon. */
    public boolean alreadyStored(String eventId) {
        return recent.contains(eventId);
    }

    /**
     * Stores the event unless it is already stored.
     *
     * @throws PublishUnavailableException when Kafka or the registry cannot be reached in time
     * @throws PublishFailedException      when they refuse the event for good
     */
    public Publication publish(FeedbackReceived event) {
        String id = event.getEventId();
        for (int attempt = 1; ; attempt++) {
            if (recent.contains(id)) {
                return Publication.ALREADY_STORED;
            }
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> other = inFlight.putIfAbsent(id, mine);
            if (other == null) {
                return publishClaimed(event, mine);
            }
            Optional<RuntimeException> otherFailure = outcomeOf(other);
            if (otherFailure.isEmpty()) {
                return Publication.ALREADY_STORED;
            }
            if (attempt >= ATTEMPTS) {
                throw otherFailure.get();
            }
        }
    }

    private Publication publishClaimed(FeedbackReceived event, CompletableFuture<Void> claim) {
        try {
            publisher.publish(event);
            recent.remember(event.getEventId());
            claim.complete(null);
            return Publication.STORED;
        } catch (RuntimeException e) {
            claim.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(event.getEventId(), claim);
        }
    }

    /**
     * Stores every event that is not already stored, all at once; one outcome per event, in
     * order. The same id twice in one call is stored once.
     */
    public List<Outcome> publishAll(List<FeedbackReceived> events) {
        Outcome[] outcomes = new Outcome[events.size()];
        Map<Integer, CompletableFuture<Void>> claimed = new HashMap<>();
        Map<Integer, CompletableFuture<Void>> waiting = new HashMap<>();
        List<Integer> toSend = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String id = events.get(i).getEventId();
            if (recent.contains(id)) {
                outcomes[i] = Outcome.of(Publication.ALREADY_STORED);
                continue;
            }
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> other = inFlight.putIfAbsent(id, mine);
            if (other == null) {
                claimed.put(i, mine);
                toSend.add(i);
            } else {
                waiting.put(i, other);
            }
        }
        try {
            List<Optional<RuntimeException>> failures =
                    publisher.publishAll(toSend.stream().map(events::get).toList());
            for (int k = 0; k < toSend.size(); k++) {
                int i = toSend.get(k);
                settle(events.get(i), claimed.get(i), failures.get(k), outcomes, i);
            }
        } finally {
            claimed.forEach((i, claim) -> {
                claim.completeExceptionally(new PublishUnavailableException("the batch was interrupted", null));
                inFlight.remove(events.get(i).getEventId(), claim);
            });
        }
        waiting.forEach((i, other) -> outcomes[i] = outcomeOf(other).map(Outcome::failed)
                .orElseGet(() -> Outcome.of(Publication.ALREADY_STORED)));
        return List.of(outcomes);
    }

    private void settle(FeedbackReceived event, CompletableFuture<Void> claim, Optional<RuntimeException> failure,
            Outcome[] outcomes, int index) {
        if (failure.isEmpty()) {
            recent.remember(event.getEventId());
            claim.complete(null);
            outcomes[index] = Outcome.of(Publication.STORED);
        } else {
            claim.completeExceptionally(failure.get());
            outcomes[index] = Outcome.failed(failure.get());
        }
    }

    /** Waits for another request storing the same id: empty if it stored it, else why it did not. */
    private Optional<RuntimeException> outcomeOf(CompletableFuture<Void> other) {
        try {
            other.get(waitForOther.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(e.getCause() instanceof PublishFailedException failed ? failed
                    : new PublishUnavailableException("the same feedback, sent at the same time, could not be"
                            + " stored", e.getCause()));
        } catch (TimeoutException e) {
            return Optional.of(new PublishUnavailableException("the same feedback, sent at the same time, is still"
                    + " being stored", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new PublishUnavailableException("interrupted while waiting for Kafka", e));
        }
    }
}
