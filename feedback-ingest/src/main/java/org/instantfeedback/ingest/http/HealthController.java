package org.instantfeedback.ingest.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.instantfeedback.ingest.health.Readiness;
import org.instantfeedback.ingest.health.ReadinessReport;

/**
 * Probes for orchestrators. {@code /health/live}: the process serves HTTP (restart it if not).
 * {@code /health/ready}: Kafka and the schema registry answer, so feedback can be stored (send no
 * traffic if not); the 503 answer names what is missing.
 */
public final class HealthController {
    public static final String LIVE_PATH = "/health/live";
    public static final String READY_PATH = "/health/ready";

    private final Readiness readiness;
    private final JsonResponses responses;

    public HealthController(Readiness readiness, JsonResponses responses) {
        this.readiness = readiness;
        this.responses = responses;
    }

    public void live(Context ctx) {
        responses.write(ctx, 200, Map.of("status", "UP"));
    }

    public void ready(Context ctx) {
        ReadinessReport report = readiness.check();
        Map<String, String> checks = new LinkedHashMap<>();
        report.reachable().forEach((name, up) -> checks.put(name, up ? "UP" : "DOWN"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.ready() ? "UP" : "DOWN");
        body.put("checks", checks);
        if (!report.ready()) {
            body.put("detail", "not reachable: " + String.join(", ", report.unreachable()));
        }
        responses.write(ctx, report.ready() ? 200 : 503, body);
    }
}
