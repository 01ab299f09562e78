package org.instantfeedback.notifier.http;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.instantfeedback.notifier.delivery.DeliveryLoop;
import org.instantfeedback.service.health.HealthEndpoints;
import org.instantfeedback.service.health.ProbeAnswer;
import org.instantfeedback.service.telemetry.PrometheusEndpoint;

/**
 * The notifier's HTTP side, on its own port: liveness, readiness (every target's loop consuming;
 * a target that is down and being retried still counts as ready, as restarting would not help it)
 * and Prometheus metrics.
 */
public final class HealthApi {
    private HealthApi() {
    }

    /** The API as a Javalin server that is not started yet. */
    public static Javalin create(List<DeliveryLoop> loops, PrometheusMeterRegistry metrics) {
        List<DeliveryLoop> targets = List.copyOf(loops);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            HealthEndpoints.serve(config.routes, () -> ready(targets));
            PrometheusEndpoint.serve(config.routes, metrics);
        });
    }

    private static ProbeAnswer ready(List<DeliveryLoop> loops) {
        Map<String, String> targets = new LinkedHashMap<>();
        boolean ready = true;
        for (DeliveryLoop loop : loops) {
            DeliveryLoop.State state = loop.state();
            targets.put(loop.target().name(), state.name());
            ready &= state == DeliveryLoop.State.DELIVERING || state == DeliveryLoop.State.BACKING_OFF;
        }
        return new ProbeAnswer(ready, Map.of("targets", targets));
    }
}
