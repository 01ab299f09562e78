package org.instantfeedback.streams.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Times every request as {@code http.server.requests}, tagged like Spring and Micronaut do
 * (method, uri template, status, outcome), so the usual dashboards work unchanged. The uri is the
 * route template, never the raw path, so subjects do not explode the number of time series.
 */
final class HttpRequestMetrics {
    static final String TIMER = "http.server.requests";
    /** The uri of requests no route matched, as Spring tags them. */
    static final String NO_ROUTE = "NOT_FOUND";

    private final MeterRegistry registry;

    HttpRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Context ctx, Float millis) {
        int status = ctx.statusCode();
        Timer.builder(TIMER)
                .description("HTTP requests answered by the CSAT API")
                .tag("method", ctx.method().name())
                .tag("uri", routeOf(ctx))
                .tag("status", Integer.toString(status))
                .tag("outcome", outcomeOf(status))
                .register(registry)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    private static String routeOf(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        return endpoint == null ? NO_ROUTE : endpoint.path;
    }

    private static String outcomeOf(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        return status >= 200 && status < 300 ? "SUCCESS" : "REDIRECTION";
    }
}
