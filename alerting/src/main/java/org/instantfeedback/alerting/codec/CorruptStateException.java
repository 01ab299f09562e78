package org.instantfeedback.alerting.codec;

/** Stored state that cannot be read back: unknown version, wrong length, or values that contradict each other. */
public class CorruptStateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CorruptStateException(String message) {
        super(message);
    }

    public CorruptStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
