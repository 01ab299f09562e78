package org.instantfeedback.replies.http;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.instantfeedback.replies.delivery.DeliveryLoop;
import org.instantfeedback.service.health.HealthEndpoints;
import org.instantfeedback.service.health.ProbeAnswer;
import org.instantfeedback.service.telemetry.PrometheusEndpoint;

/**
 * The sender's HTTP side, on its own port: liveness, readiness (the loop delivering: the contact keys
 * read, the stale SENDING statuses swept and the consumer in its group; a provider that is down and
 * being retried still counts as ready, as restarting would not help it) and Prometheus metrics.
 */
public final class HealthApi {
    private HealthApi() {
    }

    /** The API as a Javalin server that is not started yet. */
    public static Javalin create(DeliveryLoop loop, PrometheusMeterRegistry metrics) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            HealthEndpoints.serve(config.routes, () -> ready(loop));
            PrometheusEndpoint.serve(config.routes, metrics);
        });
    }

    private static ProbeAnswer ready(DeliveryLoop loop) {
        DeliveryLoop.State state = loop.state();
        return new ProbeAnswer(state == DeliveryLoop.State.DELIVERING, Map.of("delivery", state.name()));
    }
}
