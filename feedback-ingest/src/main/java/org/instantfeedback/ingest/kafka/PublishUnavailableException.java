package org.instantfeedback.ingest.kafka;

/**
 * Feedback that was not stored because Kafka or the schema registry could not be reached or did
 * not answer in time. Worth retrying later; the feedback may or may not have been stored, so a
 * retry should carry the same idempotency key.
 */
public class PublishUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PublishUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
