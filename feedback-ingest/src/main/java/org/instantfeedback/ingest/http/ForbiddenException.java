package org.instantfeedback.ingest.http;

import org.instantfeedback.service.problem.ProblemException;

/** Credentials or a signature were given but are wrong (a forged or misaddressed request). */
public class ForbiddenException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String detail) {
        super(403, "forbidden", "Forbidden", detail);
    }
}
