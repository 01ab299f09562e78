package org.instantfeedback.contacts;

/**
 * The contact keys topic could not be read or written in time (Kafka or the schema registry is
 * unreachable, or the write was refused). Retrying later may work: the edge answers 503.
 */
public class ContactKeysUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ContactKeysUnavailableException(String message) {
        super(message);
    }

    public ContactKeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
