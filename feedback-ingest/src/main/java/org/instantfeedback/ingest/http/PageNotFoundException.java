package org.instantfeedback.ingest.http;

/** A feedback page for a subject that does not exist or is not taken feedback for. */
public class PageNotFoundException extends RejectedRequestException {
    private static final long serialVersionUID = 1L;

    public PageNotFoundException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String typeSlug() {
        return "not-found";
    }

    @Override
    public String title() {
        return "Not found";
    }
}
