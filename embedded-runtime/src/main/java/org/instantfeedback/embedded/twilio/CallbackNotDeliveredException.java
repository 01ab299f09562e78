package org.instantfeedback.embedded.twilio;

import java.io.IOException;

/** A status callback the stand-in could not post: the receiving endpoint was unreachable or did not answer. */
public final class CallbackNotDeliveredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CallbackNotDeliveredException(String message, IOException cause) {
        super(message, cause);
    }
}
