package org.instantfeedback.streams.http;

import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A request the API cannot answer with figures, as handlers throw it; {@link ProblemJson} turns it
 * into an {@code application/problem+json} response.
 */
public class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One thing wrong with one input of the request. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String slug;
    private final String title;
    private final transient List<FieldError> errors;
    private final Integer retryAfterSeconds;
    private final String challenge;

    private ApiProblem(int status, String slug, String title, String detail, List<FieldError> errors,
                       Integer retryAfterSeconds) {
        this(status, slug, title, detail, errors, retryAfterSeconds, null);
    }

    private ApiProblem(int status, String slug, String title, String detail, List<FieldError> errors,
                       Integer retryAfterSeconds, String challenge) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
        this.challenge = challenge;
    }

    public static ApiProblem invalidRequest(String field, String message) {
        return new ApiProblem(400, "invalid-request", "The request is not valid",
                "The request has a field that is not valid.", List.of(new FieldError(field, message)), null);
    }

    public static ApiProblem notFound(String slug, String title, String detail) {
        return new ApiProblem(404, slug, title, detail, List.of(), null);
    }

    /** Credentials missing or wrong; {@code challenge} becomes the {@code WWW-Authenticate} header. */
    public static ApiProblem unauthorized(String challenge) {
        return new ApiProblem(401, "unauthorized", "Unauthorized",
                "This address needs credentials: see STREAMS_API_AUTH.", List.of(), null, challenge);
    }

    public static ApiProblem conflict(String slug, String title, String detail) {
        return new ApiProblem(409, slug, title, detail, List.of(), null, null);
    }

    public static ApiProblem unavailable(String slug, String title, String detail, int retryAfterSeconds) {
        return new ApiProblem(503, slug, title, detail, List.of(), retryAfterSeconds);
    }

    /** A problem that only the HTTP status explains, titled with the status's reason phrase. */
    public static ApiProblem ofStatus(int status, String detail) {
        String title = HttpStatus.forStatus(status).getMessage();
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return new ApiProblem(status, slug, title, detail, List.of(), null);
    }

    public int status() {
        return status;
    }

    /** The last part of the problem type URI, e.g. {@code no-csat-figures}. */
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

    public Optional<Integer> retryAfterSeconds() {
        return Optional.ofNullable(retryAfterSeconds);
    }

    /** The {@code WWW-Authenticate} challenge of a 401. */
    public Optional<String> challenge() {
        return Optional.ofNullable(challenge);
    }
}
