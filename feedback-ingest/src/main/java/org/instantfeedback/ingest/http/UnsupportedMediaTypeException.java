package org.instantfeedback.ingest.http;

/** A body in a media type the endpoint does not read. */
public class UnsupportedMediaTypeException extends RejectedRequestException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMediaTypeException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 415;
    }

    @Override
    public String typeSlug() {
        return "unsupported-media-type";
    }

    @Override
    public String title() {
        return "Unsupported media type";
    }
}
