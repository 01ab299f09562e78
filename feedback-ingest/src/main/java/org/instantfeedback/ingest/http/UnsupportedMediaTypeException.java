package org.instantfeedback.ingest.http;

import org.instantfeedback.service.problem.ProblemException;

/** A body in a media type the endpoint does not read. */
public class UnsupportedMediaTypeException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMediaTypeException(String detail) {
        super(415, "unsupported-media-type", "Unsupported media type", detail);
    }
}
