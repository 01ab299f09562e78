package org.instantfeedback.replies.provider;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One SMS to send: a reply to a passenger.
 *
 * @param replyId        the reply it carries (ReplyRequested.replyId), the key of every log line
 * @param to             the passenger's number, E.164, decrypted just for this send
 * @param from           the operator's number the passenger wrote to
 * @param text           the reply's text
 * @param statusCallback where the provider reports delivery, when the provider supports it
 */
public record OutgoingSms(String replyId, String to, String from, String text, Optional<URI> statusCallback) {

    public OutgoingSms {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(statusCallback, "statusCallback");
    }

    /** Without the passenger's number and the text, which must not reach logs or exception messages. */
    @Override
    public String toString() {
        return "OutgoingSms[replyId=" + replyId + ", to=<hidden>, from=" + from + ", text=<" + text.length()
                + " characters>, statusCallback=" + statusCallback.map(URI::toString).orElse("-") + "]";
    }
}
