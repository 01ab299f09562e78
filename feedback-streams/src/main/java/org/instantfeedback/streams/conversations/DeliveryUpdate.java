package org.instantfeedback.streams.conversations;

import java.time.Instant;
import org.instantfeedback.events.DeliveryStatus;
import org.instantfeedback.events.ReplyStatus;

/** What the reply sender or the provider said of one answer ({@link ReplyStatus}). */
record DeliveryUpdate(String replyId, String conversationId, DeliveryStatus status, String providerMessageId,
                      String errorCode, String errorMessage, Instant at) {

    /** Twilio's error for a recipient who replied STOP: the answer was refused, and the passenger has opted out. */
    static final String TWILIO_UNSUBSCRIBED = "21610";

    static DeliveryUpdate of(ReplyStatus status) {
        return new DeliveryUpdate(status.getReplyId(), status.getConversationId(), status.getStatus(),
                status.getProviderMessageId(), status.getErrorCode(), status.getErrorMessage(), status.getAt());
    }

    boolean saysOptedOut() {
        return status == DeliveryStatus.OPTED_OUT || TWILIO_UNSUBSCRIBED.equals(errorCode);
    }

    /** The error as ops read it: code and words, or null when there is none. */
    String error() {
        if (errorCode == null && errorMessage == null) {
            return null;
        }
        return errorCode == null ? errorMessage : errorMessage == null ? errorCode : errorCode + ": " + errorMessage;
    }
}
