package org.instantfeedback.ingest.http;

/**
 * A request body that could not be read to its end: the client closed the connection early, sent
 * fewer bytes than its Content-Length, or broke the chunked encoding. The client's fault, so 400.
 */
public class IncompleteBodyException extends RejectedRequestException {
    private static final long serialVersionUID = 1L;

    public IncompleteBodyException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String typeSlug() {
        return "incomplete-body";
    }

    @Override
    public String title() {
        return "Incomplete body";
    }
}
