package org.instantfeedback.ingest.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.HttpStatus;
import org.instantfeedback.ingest.feedback.InvalidFeedbackException;
import org.instantfeedback.ingest.kafka.PublishFailedException;
import org.instantfeedback.ingest.kafka.PublishUnavailableException;
import org.instantfeedback.ingest.ratelimit.RateLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become answers: every exception a handler throws (and Javalin's
 * own for requests no route matches) ends here and leaves as an {@code application/problem+json} document,
 * or, for the pages people open from QR codes ({@code /f/...}), as the same problem in a small HTML page.
 * Unexpected failures are logged with their stack trace and answered without it.
 */
public final class ProblemDetailsMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsMapper.class);

    private final JsonResponses responses;
    private final int retryAfterSeconds;
    private final FeedbackPages pages;

    public ProblemDetailsMapper(JsonResponses responses, int retryAfterSeconds, FeedbackPages pages) {
        this.responses = responses;
        this.retryAfterSeconds = retryAfterSeconds;
        this.pages = pages;
    }

    public void handle(Exception failure, Context ctx) {
        ProblemDetails problem;
        if (failure instanceof InvalidFeedbackException invalid) {
            problem = ProblemDetails.withErrors("invalid-feedback", "Invalid feedback", 400,
                    invalid.errors().size() == 1 ? "1 field is invalid" : invalid.errors().size()
                            + " fields are invalid", invalid.errors());
        } else if (failure instanceof RejectedRequestException rejected) {
            problem = ProblemDetails.of(rejected.typeSlug(), rejected.title(), rejected.status(),
                    rejected.getMessage());
        } else if (failure instanceof RateLimitExceededException limited) {
            ctx.header("Retry-After", String.valueOf(limited.retryAfterSeconds()));
            problem = ProblemDetails.of("too-many-requests", "Too many requests", 429, limited.getMessage());
        } else if (failure instanceof PublishUnavailableException unavailable) {
            problem = unavailable(ctx, unavailable);
        } else if (failure instanceof HttpResponseException http) {
            problem = fromJavalin(ctx, http);
        } else {
            problem = internalError(ctx, failure);
        }
        UnreadBody.discard(ctx);
        if (ctx.path().startsWith(FeedbackPages.PATH_PREFIX)) {
            boolean formWorthRetrying = problem.status() != 404 && ctx.method() == HandlerType.POST;
            FeedbackPageController.html(ctx, problem.status(), pages.problem(problem,
                    formWorthRetrying ? ctx.path() : null));
            return;
        }
        responses.write(ctx, problem.status(), ProblemDetails.CONTENT_TYPE, problem);
    }

    private ProblemDetails unavailable(Context ctx, PublishUnavailableException failure) {
        LOG.warn("{} {} answered 503: {}", ctx.method().name(), ctx.path(), failure.getMessage());
        ctx.header("Retry-After", String.valueOf(retryAfterSeconds));
        return ProblemDetails.of("service-unavailable", "Feedback not stored", 503,
                "the feedback could not be stored right now and was not accepted; send it again in "
                        + retryAfterSeconds + " seconds with the same Idempotency-Key");
    }

    private static ProblemDetails fromJavalin(Context ctx, HttpResponseException failure) {
        int status = failure.getStatus();
        if (status == 404) {
            return ProblemDetails.of("not-found", "Not found", 404,
                    "there is no " + ctx.method().name() + " " + ctx.path());
        }
        if (status == 405) {
            String allowed = failure.getDetails().get("availableMethods");
            if (allowed != null) {
                ctx.header("Allow", allowed.replace("[", "").replace("]", ""));
            }
            return ProblemDetails.of("method-not-allowed", "Method not allowed", 405,
                    ctx.path() + " does not accept " + ctx.method().name());
        }
        if (status >= 500) {
            LOG.error("{} {} failed", ctx.method().name(), ctx.path(), failure);
        }
        return ProblemDetails.of("http-" + status, HttpStatus.getMessage(status), status, failure.getMessage());
    }

    private static ProblemDetails internalError(Context ctx, Exception failure) {
        LOG.error("{} {} failed", ctx.method().name(), ctx.path(), failure);
        String detail = failure instanceof PublishFailedException
                ? "the feedback could not be stored and was not accepted; the failure has been logged"
                : "the request failed unexpectedly; the failure has been logged";
        return ProblemDetails.of("internal-error", "Internal server error", 500, detail);
    }
}
