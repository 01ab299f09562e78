package org.instantfeedback.streams.query;

/**
 * The figures cannot be read correctly right now: Kafka Streams is starting or rebalancing, a
 * partition is restoring or moving, or the instance holding it does not answer. Asking again
 * shortly usually works; answering from what is at hand would give wrong figures.
 */
public class QueryUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueryUnavailableException(String message) {
        super(message);
    }

    public QueryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
