package org.instantfeedback.scoring.model;

/** A model file or record that cannot be read, with what it was and why. */
public final class ModelFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
