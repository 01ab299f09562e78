package org.instantfeedback.ingest.kafka;

/**
 * Feedback that Kafka or the schema registry refused for a reason a retry will not cure, such as
 * missing permissions or an incompatible schema: an operator has to act.
 */
public class PublishFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
