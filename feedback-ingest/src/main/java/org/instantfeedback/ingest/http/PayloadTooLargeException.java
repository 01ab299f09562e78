package org.instantfeedback.ingest.http;

/** A body larger than the configured limit, refused before it is parsed. */
public class PayloadTooLargeException extends RejectedRequestException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(int limitBytes) {
        super("the request body must not be larger than " + limitBytes + " bytes");
    }

    @Override
    public int status() {
        return 413;
    }

    @Override
    public String typeSlug() {
        return "payload-too-large";
    }

    @Override
    public String title() {
        return "Request body too large";
    }
}
