package org.instantfeedback.embedded;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Starts something slow on its own daemon thread, so that other work can proceed meanwhile. A
 * dedicated thread rather than the common pool: the start blocks for many seconds.
 */
public final class BackgroundStart {

    private BackgroundStart() {
    }

    /** Runs {@code start} on a new daemon thread named {@code threadName}. */
    public static <T> CompletableFuture<T> of(String threadName, Supplier<T> start) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(start.get());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** The failure of the start itself, rather than the wrapper a join adds. */
    public static RuntimeException unwrap(CompletionException e) {
        return e.getCause() instanceof RuntimeException cause ? cause : e;
    }
}
