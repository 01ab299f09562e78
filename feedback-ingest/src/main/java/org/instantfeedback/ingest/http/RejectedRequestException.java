package org.instantfeedback.ingest.http;

import org.instantfeedback.service.problem.ProblemException;

/**
 * A request refused before its content is looked at: a body that cannot be read as what it claims
 * to be (400), or something this service does not have (404). The {@link Reason} fixes the status
 * and the problem type; the detail says what exactly was wrong.
 */
public final class RejectedRequestException extends ProblemException {
    private static final long serialVersionUID = 1L;

    /** Why a request is refused, with the status and problem type that say so. */
    public enum Reason {
        /**
         * The body could not be read to its end: the client closed the connection early, sent fewer
         * bytes than its Content-Length, or broke the chunked encoding. The client's fault, so 400.
         */
        INCOMPLETE_BODY(400, "incomplete-body", "Incomplete body"),
        /** The body is not valid UTF-8. */
        INVALID_ENCODING(400, "invalid-encoding", "Invalid encoding"),
        /** A form-encoded body that cannot be decoded (a broken percent escape). */
        MALFORMED_FORM(400, "malformed-form", "Malformed form"),
        /** The body is not a JSON object. */
        MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
        /** A channel whose credentials the operator has not configured, so it takes no requests. */
        CHANNEL_NOT_CONFIGURED(404, "channel-not-configured", "Channel not configured"),
        /** A feedback page for a subject that does not exist or is not taken feedback for. */
        NO_PAGE(404, "not-found", "Not found");

        private final int status;
        private final String slug;
        private final String title;

        Reason(int status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }
    }

    public RejectedRequestException(Reason reason, String detail) {
        super(reason.status, reason.slug, reason.title, detail);
    }
}
