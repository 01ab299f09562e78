package org.instantfeedback.service.telemetry;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * A service's meter registry, in the Prometheus text format: JVM and process figures from the
 * start, the HTTP request timer as a histogram, and whatever the service registers later. Every
 * meter carries an {@code application} tag so dashboards can tell the services apart.
 */
public final class ServiceTelemetry implements AutoCloseable {
    private final PrometheusMeterRegistry registry;
    private final JvmTelemetry jvm;

    private ServiceTelemetry(PrometheusMeterRegistry registry, JvmTelemetry jvm) {
        this.registry = registry;
        this.jvm = jvm;
    }

    public static ServiceTelemetry create(String application) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", application);
        registry.config().meterFilter(HttpRequestTimer.LATENCY_HISTOGRAM);
        return new ServiceTelemetry(registry, JvmTelemetry.bindTo(registry));
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        jvm.close();
        registry.close();
    }
}
