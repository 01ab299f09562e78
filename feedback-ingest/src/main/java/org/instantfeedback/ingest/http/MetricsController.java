package org.instantfeedback.ingest.http;

import io.javalin.http.Context;
import org.instantfeedback.ingest.metrics.PrometheusMetrics;

/** {@code GET /metrics}: every meter in the Prometheus text format, for scraping. */
public final class MetricsController {
    public static final String PATH = "/metrics";

    private final PrometheusMetrics metrics;

    public MetricsController(PrometheusMetrics metrics) {
        this.metrics = metrics;
    }

    public void scrape(Context ctx) {
        ctx.contentType(PrometheusMetrics.CONTENT_TYPE).result(metrics.scrape());
    }
}
