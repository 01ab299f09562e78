package org.instantfeedback.streams.dashboard;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One connected viewer of the live stream: a bounded queue of events waiting to be written to it.
 * The broadcaster only ever offers (never blocks); when the queue is full the viewer is too slow,
 * and it is ended rather than letting its backlog grow in the app's memory.
 */
public final class LiveSubscription implements AutoCloseable {
    /** Wakes a waiting writer when the subscription ends; never written to a client. */
    private static final LiveEvent END = LiveEvent.of("end", "{}");

    private final BlockingQueue<LiveEvent> queue;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Consumer<LiveSubscription> onEnd;

    LiveSubscription(int capacity, Consumer<LiveSubscription> onEnd) {
        // One slot more than the capacity, so the END marker always fits after a clear().
        this.queue = new ArrayBlockingQueue<>(capacity + 1);
        this.onEnd = onEnd;
    }

    /** Queues the event; false (and the subscription ended) when the viewer has fallen too far behind. */
    boolean offer(LiveEvent event) {
        if (ended.get()) {
            return false;
        }
        if (queue.remainingCapacity() > 1 && queue.offer(event)) {
            return true;
        }
        close();
        return false;
    }

    /**
     * The next event to write, waiting at most the timeout; empty when the wait timed out or the
     * subscription has ended (check {@link #isEnded()}).
     */
    public Optional<LiveEvent> next(long timeout, TimeUnit unit) throws InterruptedException {
        if (ended.get()) {
            return Optional.empty();
        }
        LiveEvent event = queue.poll(timeout, unit);
        return event == null || event == END ? Optional.empty() : Optional.of(event);
    }

    public boolean isEnded() {
        return ended.get();
    }

    /** Events waiting to be written. */
    int backlog() {
        return queue.size();
    }

    /** Ends the subscription: drops what is queued (its memory goes at once) and wakes the writer. */
    @Override
    public void close() {
        if (ended.compareAndSet(false, true)) {
            queue.clear();
            queue.offer(END);
            onEnd.accept(this);
        }
    }
}
