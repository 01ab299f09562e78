package org.instantfeedback.service.telemetry;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Times every HTTP request of a Javalin server into {@code http.server.requests} (Prometheus:
 * {@code http_server_requests_seconds}), tagged like Spring and Micronaut do (method, route
 * template, status, outcome) so the usual dashboards work unchanged, and counts the requests being
 * served in {@code http.server.requests.in.flight}. Requests that match no route are tagged
 * {@code NOT_FOUND} (or {@code UNMATCHED}), never by their path, so scanners cannot blow up the
 * number of time series.
 */
public final class HttpRequestTimer implements RequestLogger {
    private static final String METER = "http.server.requests";
    private static final String IN_FLIGHT_METER = "http.server.requests.in.flight";
    private static final String COUNTED = HttpRequestTimer.class.getName() + ".counted";

    /**
     * The request timer as a Prometheus histogram, so dashboards can show percentiles across
     * instances ({@code histogram_quantile}); a plain timer gives only the mean and the max.
     * Install on the registry before any meter is registered.
     */
    public static final MeterFilter LATENCY_HISTOGRAM = new MeterFilter() {
        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            if (!id.getName().equals(METER)) {
                return config;
            }
            return DistributionStatisticConfig.builder()
                    .percentilesHistogram(true)
                    .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                    .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos())
                    .build()
                    .merge(config);
        }
    };

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();

    public HttpRequestTimer(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(IN_FLIGHT_METER, inFlight, AtomicInteger::get)
                .description("HTTP requests being served right now")
                .register(registry);
    }

    /** Times every request of the server {@code config} builds. */
    public void installOn(JavalinConfig config) {
        config.requestLogger.http(this);
        config.routes.before(this::started);
    }

    /** Before every request. */
    public void started(Context ctx) {
        inFlight.incrementAndGet();
        ctx.attribute(COUNTED, Boolean.TRUE);
    }

    /** After every request, when its answer is complete. */
    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        if (ctx.attribute(COUNTED) != null) {
            inFlight.decrementAndGet();
        }
        int status = ctx.statusCode();
        Timer.builder(METER)
                .description("HTTP requests served, by route template and status")
                .tag("method", method(ctx))
                .tag("uri", routeTemplate(ctx, status))
                .tag("status", String.valueOf(status))
                .tag("outcome", outcome(status))
                .register(registry)
                .record(Duration.ofNanos((long) (executionTimeMs * 1_000_000L)));
    }

    private static String method(Context ctx) {
        HandlerType method = ctx.method();
        return HandlerType.commonHttp().contains(method) ? method.name() : "OTHER";
    }

    private static String routeTemplate(Context ctx, int status) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        return status == 404 ? "NOT_FOUND" : "UNMATCHED";
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        if (status >= 300) {
            return "REDIRECTION";
        }
        return status >= 200 ? "SUCCESS" : "INFORMATIONAL";
    }
}
