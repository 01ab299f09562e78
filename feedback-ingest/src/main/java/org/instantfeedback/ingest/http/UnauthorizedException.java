package org.instantfeedback.ingest.http;

import org.instantfeedback.service.problem.ProblemException;

/** A request to an authenticated endpoint that carries no credentials. */
public class UnauthorizedException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String detail) {
        super(401, "unauthorized", "Authentication required", detail);
    }
}
