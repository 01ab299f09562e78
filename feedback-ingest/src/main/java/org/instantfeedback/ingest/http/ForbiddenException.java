package org.instantfeedback.ingest.http;

/** Credentials or a signature were given but are wrong (a forged or misaddressed request). */
public class ForbiddenException extends RejectedRequestException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String typeSlug() {
        return "forbidden";
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
