package org.instantfeedback.streams.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.instantfeedback.service.problem.FieldError;
import org.instantfeedback.service.problem.ProblemException;
import org.instantfeedback.service.problem.ProblemMapper;
import org.instantfeedback.streams.csat.CsatStoreUnavailableException;
import org.instantfeedback.streams.query.QueryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The problems the query API answers with, as its handlers throw them, and how the failures of
 * the stores read: a store that is being started, rebalanced or restored is "ask again shortly"
 * (503 with {@code Retry-After}), not an error.
 */
public final class QueryProblems {
    /** Seconds a client should wait before asking a store that is rebalancing or restoring again. */
    static final int STORE_RETRY_AFTER_SECONDS = 1;

    private static final Logger log = LoggerFactory.getLogger(QueryProblems.class);

    private QueryProblems() {
    }

    /** The mapper of every failure a route can raise, writing with {@code json}. */
    public static ProblemMapper mapper(ObjectMapper json) {
        return ProblemMapper.writingWith(json)
                .translating(CsatStoreUnavailableException.class, (e, ctx) -> storeUnavailable())
                .translating(QueryUnavailableException.class, QueryProblems::askAgainShortly)
                // A store handle goes stale when its stream thread restarts or its task moves between the
                // lookup and the read (seen in fault-tests' RebalanceIT): the same "ask again shortly".
                .translating(InvalidStateStoreException.class, QueryProblems::askAgainShortly);
    }

    private static ProblemException askAgainShortly(RuntimeException e, Context ctx) {
        log.debug("Cannot answer {} {} right now: {}", ctx.method(), ctx.path(), e.getMessage());
        return queryUnavailable();
    }

    public static ProblemException invalidRequest(String field, String message) {
        return ProblemException.withErrors(400, "invalid-request", "The request is not valid",
                "The request has a field that is not valid.", List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String slug, String title, String detail) {
        return new ProblemException(404, slug, title, detail);
    }

    /** The answer of every alert route for an alert that does not exist (any more). */
    static ProblemException alertNotFound(String alertId) {
        return notFound("alert-not-found", "No such alert",
                "There is no alert '" + alertId + "' (resolved alerts are forgotten after a while).");
    }

    /** Credentials missing or wrong; {@code challenge} becomes the {@code WWW-Authenticate} header. */
    public static ProblemException unauthorized(String challenge) {
        return new ProblemException(401, "unauthorized", "Unauthorized",
                "This address needs credentials: see STREAMS_API_AUTH.").withHeader("WWW-Authenticate", challenge);
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail);
    }

    public static ProblemException unavailable(String slug, String title, String detail, int retryAfterSeconds) {
        return new ProblemException(503, slug, title, detail)
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    private static ProblemException storeUnavailable() {
        return unavailable("store-not-queryable", "CSAT figures are not available yet",
                "The CSAT store is being started, rebalanced or restored; ask again shortly.",
                STORE_RETRY_AFTER_SECONDS);
    }

    private static ProblemException queryUnavailable() {
        return unavailable("store-not-queryable", "The figures are not available right now",
                "The stores are being started, rebalanced or restored, or an instance holding part of them does"
                        + " not answer; ask again shortly.", STORE_RETRY_AFTER_SECONDS);
    }
}
