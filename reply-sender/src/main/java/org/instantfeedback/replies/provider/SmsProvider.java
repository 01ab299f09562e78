package org.instantfeedback.replies.provider;

/** A way to hand an SMS to a provider: one HTTP request per call, never retried inside. */
public interface SmsProvider {

    /**
     * Makes one attempt to hand {@code sms} to the provider. It never throws for the provider's or the
     * network's failures: the result says what is known of the outcome, and so whether a retry is safe.
     */
    SendResult send(OutgoingSms sms);

    /** The provider's name for logs and metrics ({@code twilio}, {@code gateway}). */
    String name();
}
