package org.instantfeedback.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.instantfeedback.ingest.feedback.InvalidFeedbackException;
import org.instantfeedback.ingest.kafka.PublishFailedException;
import org.instantfeedback.contacts.ContactKeysUnavailableException;
import org.instantfeedback.ingest.kafka.PublishUnavailableException;
import org.instantfeedback.ingest.ratelimit.RateLimitExceededException;
import org.instantfeedback.service.problem.Problem;
import org.instantfeedback.service.problem.ProblemException;
import org.instantfeedback.service.problem.ProblemMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How feedback-ingest's failures read as problems: invalid feedback names each bad field, a client
 * over its limit is told when to come back, feedback that could not be stored is refused (503 with
 * {@code Retry-After} while Kafka or the registry is away). A refused request's unread body is
 * dropped first, and the pages people open from QR codes ({@code /f/...}) show the same problem
 * in a small HTML page.
 */
public final class IngestProblems {
    private static final Logger LOG = LoggerFactory.getLogger(IngestProblems.class);

    private IngestProblems() {
    }

    public static ProblemMapper mapper(ObjectMapper json, int retryAfterSeconds, FeedbackPages pages) {
        return ProblemMapper.writingWith(json)
                .translating(InvalidFeedbackException.class, (invalid, ctx) -> invalidFeedback(invalid))
                .translating(RateLimitExceededException.class, (limited, ctx) ->
                        new ProblemException(429, "too-many-requests", "Too many requests", limited.getMessage())
                                .withHeader("Retry-After", String.valueOf(limited.retryAfterSeconds())))
                .translating(PublishUnavailableException.class, (failure, ctx) ->
                        notStored(ctx, failure, retryAfterSeconds))
                // A new passenger's key could not be stored: the SMS was not stored either, and the
                // provider retries it on a 503 like any other failure to store.
                .translating(ContactKeysUnavailableException.class, (failure, ctx) -> notStored(ctx,
                        new PublishUnavailableException(failure.getMessage(), failure), retryAfterSeconds))
                .translating(PublishFailedException.class, (failure, ctx) -> ProblemMapper.internalError(
                        "the feedback could not be stored and was not accepted; the failure has been logged"))
                .beforeEveryAnswer(UnreadBody::discard)
                .answeringSomeWith(new PageProblems(pages));
    }

    private static ProblemException invalidFeedback(InvalidFeedbackException invalid) {
        int count = invalid.errors().size();
        return ProblemException.withErrors(400, "invalid-feedback", "Invalid feedback",
                count == 1 ? "1 field is invalid" : count + " fields are invalid", invalid.errors());
    }

    private static ProblemException notStored(Context ctx, PublishUnavailableException failure,
                                              int retryAfterSeconds) {
        LOG.warn("{} {} answered 503: {}", ctx.method().name(), ctx.path(), failure.getMessage());
        return new ProblemException(503, "service-unavailable", "Feedback not stored",
                "the feedback could not be stored right now and was not accepted; send it again in "
                        + retryAfterSeconds + " seconds with the same Idempotency-Key")
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }

    /** Problems on the feedback pages, as a page with a link back to the form where sending again may help. */
    private record PageProblems(FeedbackPages pages) implements ProblemMapper.ProblemView {
        @Override
        public boolean answers(Context ctx) {
            return ctx.path().startsWith(FeedbackPages.PATH_PREFIX);
        }

        @Override
        public void write(Context ctx, Problem problem) {
            boolean formWorthRetrying = problem.status() != 404 && ctx.method() == HandlerType.POST;
            FeedbackPageController.html(ctx, problem.status(), pages.problem(problem,
                    formWorthRetrying ? ctx.path() : null));
        }
    }
}
