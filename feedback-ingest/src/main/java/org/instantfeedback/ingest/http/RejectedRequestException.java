package org.instantfeedback.ingest.http;

import org.instantfeedback.service.problem.ProblemException;

/**
 * A request refused before its content is looked at: a body that cannot be read as what it claims
 * to be (400), or something this service does not have (404). The problem type says which.
 */
public final class RejectedRequestException extends ProblemException {
    private static final long serialVersionUID = 1L;

    private RejectedRequestException(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    /**
     * A body that could not be read to its end: the client closed the connection early, sent fewer
     * bytes than its Content-Length, or broke the chunked encoding. The client's fault, so 400.
     */
    public static RejectedRequestException incompleteBody(String detail) {
        return new RejectedRequestException(400, "incomplete-body", "Incomplete body", detail);
    }

    /** A body that is not valid UTF-8. */
    public static RejectedRequestException notUtf8(String detail) {
        return new RejectedRequestException(400, "invalid-encoding", "Invalid encoding", detail);
    }

    /** A form-encoded body that cannot be decoded (a broken percent escape). */
    public static RejectedRequestException malformedForm(String detail) {
        return new RejectedRequestException(400, "malformed-form", "Malformed form", detail);
    }

    /** A body that is not a JSON object. */
    public static RejectedRequestException malformedJson(String detail) {
        return new RejectedRequestException(400, "malformed-json", "Malformed JSON", detail);
    }

    /** A channel whose credentials the operator has not configured, so it takes no requests. */
    public static RejectedRequestException channelNotConfigured(String detail) {
        return new RejectedRequestException(404, "channel-not-configured", "Channel not configured", detail);
    }

    /** A feedback page for a subject that does not exist or is not taken feedback for. */
    public static RejectedRequestException noPage(String detail) {
        return new RejectedRequestException(404, "not-found", "Not found", detail);
    }
}
