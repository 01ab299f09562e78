package org.instantfeedback.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.instantfeedback.ingest.feedback.FieldError;

/**
 * An RFC 9457 problem document, the body of every error answer ({@code application/problem+json}).
 * {@code errors} lists each bad field, and is left out when the problem is not about fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetails(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String CONTENT_TYPE = "application/problem+json";

    /** Problem types are URNs: stable identifiers that do not pretend to be documentation pages. */
    private static final String TYPE_PREFIX = "urn:instantfeedback:problem:";

    public static ProblemDetails of(String typeSlug, String title, int status, String detail) {
        return new ProblemDetails(TYPE_PREFIX + typeSlug, title, status, detail, null);
    }

    public static ProblemDetails withErrors(String typeSlug, String title, int status, String detail,
            List<FieldError> errors) {
        return new ProblemDetails(TYPE_PREFIX + typeSlug, title, status, detail, List.copyOf(errors));
    }
}
