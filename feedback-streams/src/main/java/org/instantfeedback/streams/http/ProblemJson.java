package org.instantfeedback.streams.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.instantfeedback.streams.csat.CsatStoreUnavailableException;
import org.instantfeedback.streams.query.QueryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into RFC 9457 {@code application/problem+json} responses:
 * {@link ApiProblem}s thrown by handlers, Javalin's own responses (unknown route, wrong method),
 * an unqueryable store, and anything unexpected, which is logged here and answered with a 500
 * that says nothing about the inside of the process.
 */
public final class ProblemJson {
    public static final String CONTENT_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "/problems/";
    /** Seconds a client should wait before asking a store that is rebalancing or restoring again. */
    static final int STORE_RETRY_AFTER_SECONDS = 1;

    private static final Logger log = LoggerFactory.getLogger(ProblemJson.class);

    /** The body of a problem response. */
    public record Body(String type, String title, int status, String detail, String instance,
                       List<ApiProblem.FieldError> errors) {
    }

    private ProblemJson() {
    }

    /** Registers the mapper for every failure a route can raise. */
    public static void register(RoutesConfig routes) {
        routes.exception(ApiProblem.class, (problem, ctx) -> write(ctx, problem));
        routes.exception(CsatStoreUnavailableException.class, (e, ctx) -> write(ctx, storeUnavailable()));
        routes.exception(QueryUnavailableException.class, (e, ctx) -> {
            log.debug("Cannot answer {} {} right now: {}", ctx.method(), ctx.path(), e.getMessage());
            write(ctx, queryUnavailable());
        });
        // A store handle goes stale when its stream thread restarts or its task moves between the lookup
        // and the read (seen in fault-tests' RebalanceIT): the same "ask again shortly" as above.
        routes.exception(InvalidStateStoreException.class, (e, ctx) -> {
            log.debug("Cannot answer {} {} right now: {}", ctx.method(), ctx.path(), e.getMessage());
            write(ctx, queryUnavailable());
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e)));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("Unexpected failure answering {} {}", ctx.method(), ctx.path(), e);
            write(ctx, internalError());
        });
    }

    /** Answers the request with the problem. */
    public static void write(Context ctx, ApiProblem problem) {
        problem.retryAfterSeconds().ifPresent(seconds -> ctx.header("Retry-After", Integer.toString(seconds)));
        problem.challenge().ifPresent(challenge -> ctx.header("WWW-Authenticate", challenge));
        ctx.status(problem.status())
                .json(new Body(TYPE_PREFIX + problem.slug(), problem.title(), problem.status(), problem.detail(),
                        ctx.path(), problem.errors()))
                .contentType(CONTENT_TYPE);
    }

    static ApiProblem storeUnavailable() {
        return ApiProblem.unavailable("store-not-queryable", "CSAT figures are not available yet",
                "The CSAT store is being started, rebalanced or restored; ask again shortly.",
                STORE_RETRY_AFTER_SECONDS);
    }

    static ApiProblem queryUnavailable() {
        return ApiProblem.unavailable("store-not-queryable", "The figures are not available right now",
                "The stores are being started, rebalanced or restored, or an instance holding part of them does"
                        + " not answer; ask again shortly.", STORE_RETRY_AFTER_SECONDS);
    }

    private static ApiProblem fromJavalin(HttpResponseException e) {
        if (e.getStatus() == 404) {
            return ApiProblem.notFound("not-found", "Not found", "There is nothing at this address.");
        }
        return ApiProblem.ofStatus(e.getStatus(), e.getMessage());
    }

    private static ApiProblem internalError() {
        return ApiProblem.ofStatus(500, "The request could not be answered because of an error on our side.");
    }
}
