package org.instantfeedback.ingest.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The service's meters, in the Prometheus text format: JVM and process figures from the start,
 * and whatever the producer and the HTTP layer register later. Every meter carries an
 * {@code application} tag so dashboards can tell the services apart.
 */
public final class PrometheusMetrics implements AutoCloseable {
    /** Prometheus text exposition format 0.0.4, which every scraper understands. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * The request timer as a Prometheus histogram, so dashboards can show percentiles across
     * instances ({@code histogram_quantile}); a plain timer gives only the mean and the max.
     */
    static final MeterFilter HTTP_LATENCY_HISTOGRAM = new MeterFilter() {
        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            if (!id.getName().equals("http.server.requests")) {
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

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;

    private PrometheusMetrics(PrometheusMeterRegistry registry, JvmGcMetrics gcMetrics) {
        this.registry = registry;
        this.gcMetrics = gcMetrics;
    }

    public static PrometheusMetrics create(String application) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", application);
        registry.config().meterFilter(HTTP_LATENCY_HISTOGRAM);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        return new PrometheusMetrics(registry, gcMetrics);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** All meters in the Prometheus text format. */
    public String scrape() {
        return registry.scrape(CONTENT_TYPE);
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
