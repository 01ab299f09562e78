package org.instantfeedback.notifier.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * The notifier's own meters, per target: {@code notifier_deliveries_total{target,outcome}} (each
 * alert once, as delivered or dead_lettered), {@code notifier_delivery_attempts_total{target,result}}
 * (every HTTP attempt), {@code notifier_retries_total{target}} and the histogram
 * {@code notifier_delivery_latency_seconds{target}}: from the alert's write to Kafka to its
 * delivery, so it includes the waits of retries.
 */
public final class DeliveryMetrics {
    public static final String DELIVERIES = "notifier.deliveries";
    public static final String ATTEMPTS = "notifier.delivery.attempts";
    public static final String RETRIES = "notifier.retries";
    public static final String LATENCY = "notifier.delivery.latency";

    private final MeterRegistry registry;
    private final String target;
    private final Timer latency;
    private final Counter retries;

    public DeliveryMetrics(MeterRegistry registry, String target) {
        this.registry = registry;
        this.target = target;
        this.latency = Timer.builder(LATENCY)
                .description("From the alert's write to Kafka to its delivery to the target")
                .tag("target", target)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        this.retries = Counter.builder(RETRIES).description("Delivery attempts that will be retried")
                .tag("target", target).register(registry);
        // Registered up front, so dashboards show zero rather than nothing before the first alert.
        deliveries("delivered");
        deliveries("dead_lettered");
    }

    public void delivered(Duration sinceWritten) {
        deliveries("delivered").increment();
        latency.record(sinceWritten.isNegative() ? Duration.ZERO : sinceWritten);
    }

    public void deadLettered() {
        deliveries("dead_lettered").increment();
    }

    public void attempt(DeliveryResult.Outcome outcome) {
        Counter.builder(ATTEMPTS).description("HTTP attempts to deliver an alert, by result")
                .tag("target", target).tag("result", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
        if (outcome == DeliveryResult.Outcome.RETRYABLE) {
            retries.increment();
        }
    }

    private Counter deliveries(String outcome) {
        return Counter.builder(DELIVERIES).description("Alerts handed to a target (each once), by outcome")
                .tag("target", target).tag("outcome", outcome).register(registry);
    }
}
