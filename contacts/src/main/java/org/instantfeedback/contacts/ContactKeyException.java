package org.instantfeedback.contacts;

/**
 * A contact's key or address does not open: the key was wrapped by a KEK this process does not
 * have, or the bytes were altered, or they belong to another contact. The message names the
 * contact and the key ids, never a key or a number.
 */
public class ContactKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ContactKeyException(String message) {
        super(message);
    }

    public ContactKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
