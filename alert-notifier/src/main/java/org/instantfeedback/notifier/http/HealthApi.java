package org.instantfeedback.notifier.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.instantfeedback.notifier.delivery.DeliveryLoop;

/**
 * The notifier's HTTP side, on its own port: liveness, readiness (every target's loop consuming;
 * a target that is down and being retried still counts as ready, as restarting would not help it)
 * and Prometheus metrics.
 */
public final class HealthApi {
    public static final String LIVE_PATH = "/health/live";
    public static final String READY_PATH = "/health/ready";
    public static final String METRICS_PATH = "/metrics";
    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final List<DeliveryLoop> loops;
    private final PrometheusMeterRegistry metrics;

    private HealthApi(List<DeliveryLoop> loops, PrometheusMeterRegistry metrics) {
        this.loops = loops;
        this.metrics = metrics;
    }

    /** The API as a Javalin server that is not started yet. */
    public static Javalin create(List<DeliveryLoop> loops, PrometheusMeterRegistry metrics) {
        HealthApi api = new HealthApi(List.copyOf(loops), metrics);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get(LIVE_PATH, api::live);
            config.routes.get(READY_PATH, api::ready);
            config.routes.get(METRICS_PATH, api::metrics);
        });
    }

    private void live(Context ctx) {
        ctx.json(Map.of("status", "UP"));
    }

    private void ready(Context ctx) {
        Map<String, String> targets = new LinkedHashMap<>();
        boolean ready = true;
        for (DeliveryLoop loop : loops) {
            DeliveryLoop.State state = loop.state();
            targets.put(loop.target().name(), state.name());
            ready &= state == DeliveryLoop.State.DELIVERING || state == DeliveryLoop.State.BACKING_OFF;
        }
        ctx.status(ready ? 200 : 503)
                .json(Map.of("status", ready ? "UP" : "DOWN", "targets", targets));
    }

    private void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_CONTENT_TYPE).result(metrics.scrape());
    }
}
