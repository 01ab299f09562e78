package org.instantfeedback.ingest.http;

/** A request to an authenticated endpoint that carries no credentials. */
public class UnauthorizedException extends RejectedRequestException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 401;
    }

    @Override
    public String typeSlug() {
        return "unauthorized";
    }

    @Override
    public String title() {
        return "Authentication required";
    }
}
