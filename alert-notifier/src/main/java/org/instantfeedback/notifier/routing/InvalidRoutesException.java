package org.instantfeedback.notifier.routing;

/** The routes file cannot be used; the message names the entry and what is wrong with it. */
public class InvalidRoutesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidRoutesException(String message) {
        super(message);
    }

    public InvalidRoutesException(String message, Throwable cause) {
        super(message, cause);
    }
}
