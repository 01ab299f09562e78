package org.instantfeedback.replies.delivery;

import org.apache.kafka.common.KafkaException;

/** A status transaction was aborted: nothing of it took effect, and it may be tried again. */
public final class StatusNotWrittenException extends RuntimeException {
    public StatusNotWrittenException(KafkaException cause) {
        super("status transaction aborted: " + cause.getMessage(), cause);
    }
}
