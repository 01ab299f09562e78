package org.instantfeedback.service.health;

import java.time.Duration;

/** Something the service needs in order to accept feedback, checked for readiness. */
public interface DependencyCheck extends AutoCloseable {

    /** Name in the readiness report, for example {@code kafka}. */
    String name();

    /**
     * Whether the dependency answers right now. Returns within about {@code timeout}; a failure
     * to answer counts as unreachable rather than an exception.
     */
    boolean isReachable(Duration timeout);

    @Override
    default void close() {
    }
}
