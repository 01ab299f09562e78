package org.instantfeedback.replies.provider;

import org.instantfeedback.events.DeliveryStatus;

/**
 * What one attempt to hand an SMS to a provider came to. Only {@link NotSent} may be retried: every
 * other result either reached the provider or may have, and a second attempt could text the passenger
 * twice.
 */
public sealed interface SendResult {

    /** Whether sending the same SMS again is safe (it was certainly not sent). */
    default boolean retryable() {
        return false;
    }

    /**
     * The provider took the message.
     *
     * @param providerMessageId the provider's id of it (Twilio's Message SID); null when the provider gave none
     * @param status            the status the provider reported on taking it
     */
    record Accepted(String providerMessageId, DeliveryStatus status) implements SendResult {
    }

    /**
     * The provider refused the message: certainly not sent, and sending it again would be refused again.
     *
     * @param errorCode the provider's error code (Twilio's {@code code}, or the gateway's HTTP status)
     * @param message   the provider's explanation, with phone numbers masked
     * @param optedOut  whether the passenger opted out of messages (Twilio 21610)
     */
    record Refused(String errorCode, String message, boolean optedOut) implements SendResult {
    }

    /** Certainly not sent, for a passing reason (provider unreachable, rate limited): safe to retry later. */
    record NotSent(String reason) implements SendResult {
        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The provider may or may not have taken the message: it is reported, never resent. */
    record Unknown(String reason) implements SendResult {
    }
}
