package org.instantfeedback.service.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error answer of every service
 * ({@code application/problem+json}). {@code errors} lists each bad field and is left out when the
 * problem is not about fields; {@code instance} is the path that was asked for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {
    public static final String CONTENT_TYPE = "application/problem+json";

    /** Problem types are URNs: stable identifiers that do not pretend to be documentation pages. */
    private static final String TYPE_PREFIX = "urn:instantfeedback:problem:";

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /** The problem type of {@code slug}, e.g. {@code urn:instantfeedback:problem:not-found}. */
    public static String type(String slug) {
        return TYPE_PREFIX + slug;
    }
}
