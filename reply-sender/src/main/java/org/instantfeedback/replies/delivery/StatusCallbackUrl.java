package org.instantfeedback.replies.delivery;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.instantfeedback.events.ReplyRequested;

/**
 * Where the provider reports a reply's delivery: feedback-ingest's status endpoint with the reply,
 * its conversation and its contact in the query, so the endpoint can write the status without
 * looking anything up. Nothing in it is personal data.
 */
public final class StatusCallbackUrl {
    private final URI base;

    public StatusCallbackUrl(URI base) {
        this.base = base;
    }

    public URI of(ReplyRequested reply) {
        String separator = base.getRawQuery() == null ? "?" : "&";
        return URI.create(base + separator + "reply=" + encoded(reply.getReplyId()) + "&conversation="
                + encoded(reply.getConversationId()) + "&contact=" + encoded(reply.getTo().getContactId()));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
