package org.instantfeedback.streams.csat;

/**
 * The CSAT store cannot be read right now: Kafka Streams is starting, rebalancing, restoring it
 * from its changelog or shutting down. Asking again shortly usually works.
 */
public class CsatStoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CsatStoreUnavailableException(Throwable cause) {
        super("the CSAT store is not queryable right now: " + cause.getMessage(), cause);
    }
}
