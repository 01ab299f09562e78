package org.instantfeedback.replies.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.instantfeedback.events.DeliveryStatus;
import org.instantfeedback.replies.provider.SendResult;

/**
 * The sender's own meters: {@code replies_sent_total{outcome}} (each record of the replies topic
 * once, by the status its reply ended with here: queued, sent, failed, opted_out,
 * outcome_unknown..., or dead_lettered when the record could not be read) and the histogram
 * {@code replies_provider_call_seconds{provider,result}} (every provider call, retries included).
 */
public final class SenderMetrics {
    public static final String SENT = "replies.sent";
    public static final String PROVIDER_CALL = "replies.provider.call";
    private static final String DEAD_LETTERED = "dead_lettered";

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
        sent(DEAD_LETTERED);
    }

    public void replied(DeliveryStatus outcome) {
        sent(outcome).increment();
    }

    public void deadLettered() {
        sent(DEAD_LETTERED).increment();
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
        return sent(outcome.name().toLowerCase(Locale.ROOT));
    }

    private Counter sent(String outcome) {
        return Counter.builder(SENT)
                .description("Replies handled (each once), by the status they ended with, or dead_lettered")
                .tag("outcome", outcome).register(registry);
    }
}
