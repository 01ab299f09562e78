package org.instantfeedback.streams.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;

/**
 * Publishes the HTTP request timer ({@code http.server.requests}) as a Prometheus histogram, so
 * dashboards can show percentiles across instances ({@code histogram_quantile}); a plain timer
 * gives only the mean and the max. Install before any meter is registered.
 */
public final class HttpLatencyHistograms implements MeterFilter {
    public static final String HTTP_TIMER = "http.server.requests";
    public static final HttpLatencyHistograms FILTER = new HttpLatencyHistograms();

    private HttpLatencyHistograms() {
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals(HTTP_TIMER)) {
            return config;
        }
        return DistributionStatisticConfig.builder()
                .percentilesHistogram(true)
                .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos())
                .build()
                .merge(config);
    }
}
