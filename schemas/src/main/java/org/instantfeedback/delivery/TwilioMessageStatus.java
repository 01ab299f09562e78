package org.instantfeedback.delivery;

import java.util.Locale;
import org.instantfeedback.events.DeliveryStatus;

/**
 * Twilio's message statuses as a {@link DeliveryStatus}: the one reading shared by the reply sender
 * (Twilio's answer to a send) and feedback-ingest (Twilio's status callbacks), so that both write the
 * same status for the same word to feedback.reply-status.v1.
 */
public final class TwilioMessageStatus {
    private TwilioMessageStatus() {
    }

    /**
     * The delivery status for Twilio's {@code status}. A status Twilio adds later, or none at all, reads as
     * QUEUED: an answer of 2xx means Twilio took the message, and nothing more is known.
     */
    public static DeliveryStatus toDeliveryStatus(String status) {
        if (status == null) {
            return DeliveryStatus.QUEUED;
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "sending" -> DeliveryStatus.SENDING;
            case "sent" -> DeliveryStatus.SENT;
            case "delivered", "read" -> DeliveryStatus.DELIVERED;
            case "failed", "undelivered", "canceled" -> DeliveryStatus.FAILED;
            default -> DeliveryStatus.QUEUED; // queued, accepted, scheduled, and any status yet to come
        };
    }
}
