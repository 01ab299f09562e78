package org.instantfeedback.embedded.junit;

import org.instantfeedback.embedded.CloseableKafkaAndRegistry;

/**
 * Runs Kafka brokers and one shared schema registry for the tests of one JVM. Implementations are
 * created by {@link TestBackends} and closed when the test run ends.
 */
public interface TestBackend extends AutoCloseable {

    /** Says what runs the broker and the registry, for the log. */
    String description();

    /**
     * Starts a broker for one test class, next to the shared registry. Closing the result stops
     * that broker only.
     */
    CloseableKafkaAndRegistry startForTestClass();

    /** Stops the shared registry. */
    @Override
    void close();
}
