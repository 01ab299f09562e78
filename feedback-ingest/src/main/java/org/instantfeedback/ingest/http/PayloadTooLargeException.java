package org.instantfeedback.ingest.http;

import org.instantfeedback.service.problem.ProblemException;

/** A body larger than the configured limit, refused before it is parsed. */
public class PayloadTooLargeException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(int limitBytes) {
        super(413, "payload-too-large", "Request body too large",
                "the request body must not be larger than " + limitBytes + " bytes");
    }
}
