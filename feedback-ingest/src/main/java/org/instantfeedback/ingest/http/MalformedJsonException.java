package org.instantfeedback.ingest.http;

/** A body that is not a JSON object. */
public class MalformedJsonException extends RejectedRequestException {
    private static final long serialVersionUID = 1L;

    public MalformedJsonException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String typeSlug() {
        return "malformed-json";
    }

    @Override
    public String title() {
        return "Malformed JSON";
    }
}
