package org.instantfeedback.service.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Probes for orchestrators, the same in every service. {@code /health/live}: the process serves
 * HTTP (restart it if not). {@code /health/ready}: the service's own {@link ReadinessProbe} says it
 * can do its work (send it no traffic if not); the 503 answer says what is missing.
 */
public final class HealthEndpoints {
    public static final String LIVE_PATH = "/health/live";
    public static final String READY_PATH = "/health/ready";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HealthEndpoints() {
    }

    public static void serve(RoutesConfig routes, ReadinessProbe readiness) {
        routes.get(LIVE_PATH, ctx -> write(ctx, 200, Map.of("status", "UP")));
        routes.get(READY_PATH, ctx -> {
            ProbeAnswer answer = readiness.probe();
            write(ctx, answer.httpStatus(), answer.body());
        });
    }

    private static void write(Context ctx, int status, Map<String, Object> body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a health answer is always serialisable", e);
        }
    }
}
