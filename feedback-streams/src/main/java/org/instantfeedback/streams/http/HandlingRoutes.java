package org.instantfeedback.streams.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.instantfeedback.streams.handling.HandlingKey;
import org.instantfeedback.streams.handling.HandlingWindows;
import org.instantfeedback.streams.query.HandlingQueries;
import org.instantfeedback.streams.query.InternalPaths;

/**
 * The handling measures: {@code GET /v1/handling?scope=subject|group|user&window=PT1H} lists every
 * subject, group or ops user with its figures over the window ending now and its open and overdue
 * conversations; {@code GET /v1/handling/{scope}/{id}} gives one with the series of windows before.
 */
public final class HandlingRoutes {
    private static final String LIST_PATH = "/v1/handling";
    private static final String ONE_PATH = "/v1/handling/{scope}/{id}";

    private final HandlingQueries queries;
    private final List<Duration> windows;

    public HandlingRoutes(HandlingQueries queries, List<Duration> windows) {
        this.queries = queries;
        this.windows = List.copyOf(windows);
    }

    public void register(RoutesConfig routes) {
        routes.get(LIST_PATH, this::list);
        routes.get(ONE_PATH, this::one);
        routes.get(InternalPaths.HANDLING, ctx -> ctx.json(queries.local().one(key(RequestParts.required(ctx, "key")),
                RequestParts.window(ctx, windows), RequestParts.instant(ctx, "at")).orElseThrow(RequestParts::notHere)));
        routes.get(InternalPaths.HANDLING_LIST, ctx -> ctx.json(queries.local().all(scope(ctx.queryParam("scope")),
                RequestParts.window(ctx, windows), RequestParts.partitions(ctx))));
    }

    private void list(Context ctx) {
        String scope = scope(ctx.queryParam("scope"));
        Duration window = RequestParts.window(ctx, windows);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("scope", scope);
        answer.put("window", window.toString());
        answer.put("entries", queries.list(scope, window, ApiAccess.forwardAuthorization(ctx)));
        ctx.json(answer);
    }

    private void one(Context ctx) {
        HandlingKey key = new HandlingKey(scope(ctx.pathParam("scope")), ctx.pathParam("id"));
        Duration window = RequestParts.window(ctx, windows);
        ctx.json(queries.one(key, window, RequestParts.instant(ctx, "at"), ApiAccess.forwardAuthorization(ctx))
                .orElseThrow(() -> QueryProblems.notFound("no-handling-figures", "No handling figures",
                        "Nothing was measured of " + key.scope() + " '" + key.id() + "' in the last "
                                + window.multipliedBy(HandlingWindows.SERIES_POINTS) + ".")));
    }

    private static HandlingKey key(String text) {
        return HandlingKey.parse(text).orElseThrow(() -> QueryProblems.invalidRequest("key",
                "must be subject:<id>, group:<id> or user:<name>"));
    }

    private static String scope(String value) {
        String scope = value == null || value.isBlank() ? HandlingKey.SUBJECT : value.strip().toLowerCase(Locale.ROOT);
        if (!HandlingKey.SCOPES.contains(scope)) {
            throw QueryProblems.invalidRequest("scope", "must be subject, group or user");
        }
        return scope;
    }
}
