package org.instantfeedback.ingest.http;

/** A body that is not valid UTF-8. */
public class InvalidEncodingException extends RejectedRequestException {
    private static final long serialVersionUID = 1L;

    public InvalidEncodingException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String typeSlug() {
        return "invalid-encoding";
    }

    @Override
    public String title() {
        return "Invalid encoding";
    }
}
