package org.instantfeedback.service.telemetry;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code GET /metrics}: every meter of a registry in the Prometheus text format, for scraping. */
public final class PrometheusEndpoint {
    public static final String PATH = "/metrics";
    /** Prometheus text exposition format 0.0.4, which every scraper understands. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusEndpoint() {
    }

    public static void serve(RoutesConfig routes, PrometheusMeterRegistry registry) {
        routes.get(PATH, ctx -> ctx.contentType(CONTENT_TYPE).result(registry.scrape(CONTENT_TYPE)));
    }
}
