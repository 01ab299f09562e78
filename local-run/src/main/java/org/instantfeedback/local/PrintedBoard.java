package org.instantfeedback.local;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A board of figures the local run prints to the console every so often, on a daemon thread of its
 * own, so a newcomer sees the figures move; {@link #close()} stops it.
 */
final class PrintedBoard implements AutoCloseable {
    private final Supplier<String> text;
    private final ScheduledExecutorService scheduler;

    /** A board named {@code name} (its thread's name) that prints what {@code text} says each time. */
    PrintedBoard(String name, Supplier<String> text) {
        this.text = text;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    void start(Duration every) {
        scheduler.scheduleAtFixedRate(() -> System.out.print(text.get()), every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
