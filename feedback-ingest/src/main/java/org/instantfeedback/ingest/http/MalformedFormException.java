package org.instantfeedback.ingest.http;

/** A form-encoded body that cannot be decoded (a broken percent escape). */
public class MalformedFormException extends RejectedRequestException {
    private static final long serialVersionUID = 1L;

    public MalformedFormException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String typeSlug() {
        return "malformed-form";
    }

    @Override
    public String title() {
        return "Malformed form";
    }
}
