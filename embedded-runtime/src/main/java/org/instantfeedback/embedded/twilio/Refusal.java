package org.instantfeedback.embedded.twilio;

import java.time.Instant;

/**
 * A request the stand-in answered with an error, and so did not create a message.
 *
 * @param httpStatus the HTTP status it answered
 * @param errorCode  Twilio's error code in the answer ({@code 21211}, {@code 20003}, ...)
 * @param reason     what was wrong, in words and without the recipient's number
 * @param at         when
 */
public record Refusal(int httpStatus, int errorCode, String reason, Instant at) {
}
