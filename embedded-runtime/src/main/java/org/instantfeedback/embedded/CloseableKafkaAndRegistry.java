package org.instantfeedback.embedded;

/** A {@link KafkaAndRegistry} its owner stops by closing it. */
public interface CloseableKafkaAndRegistry extends KafkaAndRegistry, AutoCloseable {

    /** Stops what this instance started; never throws a checked exception. */
    @Override
    void close();
}
