package org.instantfeedback.ingest.http;

/**
 * A request refused before its content is looked at (wrong media type, too large, not JSON).
 * Subclasses fix the status and the problem type, so the mapper needs no list of them.
 */
public abstract class RejectedRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected RejectedRequestException(String detail) {
        super(detail);
    }

    public abstract int status();

    /** Last part of the problem type URN. */
    public abstract String typeSlug();

    public abstract String title();
}
