package org.instantfeedback.service.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;

/**
 * A request a handler refuses, as it throws it: the status, the problem type's slug and title, the
 * detail, the bad fields and any header the answer needs ({@code Retry-After},
 * {@code WWW-Authenticate}). {@link ProblemMapper} turns it into the answer.
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String slug;
    private final String title;
    private final transient List<FieldError> errors;
    private final transient Map<String, String> headers;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of(), Map.of());
    }

    private ProblemException(int status, String slug, String title, String detail, List<FieldError> errors,
                             Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    /** A problem about the fields named in {@code errors}. */
    public static ProblemException withErrors(int status, String slug, String title, String detail,
                                              List<FieldError> errors) {
        return new ProblemException(status, slug, title, detail, errors, Map.of());
    }

    /** A problem that only the HTTP status explains, titled and named after the status's reason phrase. */
    public static ProblemException ofStatus(int status, String detail) {
        String title = HttpStatus.getMessage(status);
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return new ProblemException(status, slug, title, detail == null || detail.isBlank() ? title : detail);
    }

    /** The same problem, answered with one more header. */
    public ProblemException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ProblemException(status, slug, title, getMessage(), errors, more);
    }

    public int status() {
        return status;
    }

    /** The last part of the problem type, e.g. {@code no-csat-figures}. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The problem document answering a request for {@code path}. */
    public Problem problemAt(String path) {
        return new Problem(Problem.type(slug), title, status, detail(), path, errors);
    }
}
