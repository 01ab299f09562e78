package org.instantfeedback.replies.provider;

import java.util.Locale;
import org.instantfeedback.events.DeliveryStatus;

/** Twilio's message statuses as the sender's {@link DeliveryStatus}. */
final class TwilioStatus {
    private TwilioStatus() {
    }

    /**
     * The delivery status for Twilio's {@code status}. A status Twilio adds later, or none at all, reads as
     * QUEUED: an answer of 2xx means Twilio took the message, and nothing more is known.
     */
    static DeliveryStatus toDeliveryStatus(String status) {
        if (status == null) {
            return DeliveryStatus.QUEUED;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "sending" -> DeliveryStatus.SENDING;
            case "sent" -> DeliveryStatus.SENT;
            case "delivered", "read" -> DeliveryStatus.DELIVERED;
            case "failed", "undelivered", "canceled" -> DeliveryStatus.FAILED;
            default -> DeliveryStatus.QUEUED; // queued, accepted, scheduled, and any status yet to come
        };
    }
}
