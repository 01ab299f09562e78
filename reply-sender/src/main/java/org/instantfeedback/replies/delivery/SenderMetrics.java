package org.instantfeedback.replies.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.instantfeedback.events.DeliveryStatus;
import org.instantfeedback.replies.provider.SendResult;

/**
 * The sender's own meters: {@code replies_sent_total{outcome}} (each reply once, by the status it
 * ended with here: queued, sent, failed, opted_out, outcome_unknown...) and the histogram
 * {@code replies_provider_call_seconds{provider,result}} (every provider call, retries included).
 */
public final class SenderMetrics {
    public static final String SENT = "replies.sent";
    public static final String PROVIDER_CALL = "replies.provider.call";

    private final MeterRegistry registry;
    private final String provider;

    public SenderMetrics(MeterRegistry registry, String provider) {
        this.registry = registry;
        this.provider = provider;
        // Registered up front, so dashboards show zero rather than nothing before the first reply.
        for (DeliveryStatus status : new DeliveryStatus[] {DeliveryStatus.QUEUED, DeliveryStatus.FAILED,
                DeliveryStatus.OPTED_OUT, DeliveryStatus.OUTCOME_UNKNOWN}) {
            sent(status);
        }
    }

    public void replied(DeliveryStatus outcome) {
        sent(outcome).increment();
    }

    public void called(SendResult result, Duration took) {
        Timer.builder(PROVIDER_CALL).description("One call of the SMS provider, by what it came to")
                .tag("provider", provider)
                .tag("result", result.getClass().getSimpleName().toLowerCase(Locale.ROOT))
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    private Counter sent(DeliveryStatus outcome) {
        return Counter.builder(SENT).description("Replies handled (each once), by the status they ended with")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry);
    }
}
