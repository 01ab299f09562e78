package org.instantfeedback.embedded.twilio;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A message the stand-in accepted (created), as a test asserts on it.
 *
 * @param sid                 the Message SID it answered with
 * @param to                  the recipient, E.164
 * @param from                the {@code From} parameter, when given
 * @param messagingServiceSid the {@code MessagingServiceSid} parameter, when given
 * @param body                the text
 * @param statusCallback      the {@code StatusCallback} parameter, when given
 * @param receivedAt          when the request arrived
 */
public record ReceivedMessage(String sid, String to, Optional<String> from, Optional<String> messagingServiceSid,
                              String body, Optional<URI> statusCallback, Instant receivedAt) {

    /** Without the recipient's number and the text: these records end up in test and local-run logs. */
    @Override
    public String toString() {
        return "ReceivedMessage[sid=" + sid + ", to=<hidden>, from=" + from.orElse("-") + ", messagingServiceSid="
                + messagingServiceSid.orElse("-") + ", body=<" + body.length() + " characters>, statusCallback="
                + statusCallback.map(URI::toString).orElse("-") + ", receivedAt=" + receivedAt + "]";
    }
}
