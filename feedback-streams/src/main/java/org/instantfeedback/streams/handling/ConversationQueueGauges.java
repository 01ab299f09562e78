package org.instantfeedback.streams.handling;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The conversations waiting for an answer, in Prometheus: {@code conversations_open} (the passenger
 * waits) and {@code conversations_overdue} (longer than the answer limit), tagged {@code scope} and
 * {@code id}, for the keys whose counts this instance holds. {@link MeasureHandling} shows a key's
 * counts as it changes them, shows every key of its task when the task starts here, and hides them
 * when the task leaves: a key lives on one instance, so a sum over instances counts each once.
 *
 * <p>A gauge per key rather than a {@code MultiGauge}: keys come and go one at a time, as tasks and
 * waiting passengers do, and a {@code MultiGauge} would have to be given every row at each change.
 */
final class ConversationQueueGauges {
    private final MeterRegistry meters;
    private final Map<HandlingKey, Shown> shown = new ConcurrentHashMap<>();

    ConversationQueueGauges(MeterRegistry meters) {
        this.meters = meters;
    }

    void show(HandlingKey key, QueueCounts counts) {
        shown.computeIfAbsent(key, this::register).set(counts);
    }

    void hide(HandlingKey key) {
        Shown gone = shown.remove(key);
        if (gone != null) {
            meters.remove(gone.openGauge);
            meters.remove(gone.overdueGauge);
        }
    }

    private Shown register(HandlingKey key) {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger overdue = new AtomicInteger();
        // Held strongly: only the gauge refers to the number, and a weakly held one reads NaN once collected.
        Gauge openGauge = Gauge.builder("conversations.open", open, AtomicInteger::get)
                .description("Conversations whose passenger waits for an answer (for a user: answered last by them)")
                .tag("scope", key.scope()).tag("id", key.id()).strongReference(true).register(meters);
        Gauge overdueGauge = Gauge.builder("conversations.overdue", overdue, AtomicInteger::get)
                .description("Conversations whose passenger has waited longer than the answer limit")
                .tag("scope", key.scope()).tag("id", key.id()).strongReference(true).register(meters);
        return new Shown(open, overdue, openGauge, overdueGauge);
    }

    private record Shown(AtomicInteger open, AtomicInteger overdue, Gauge openGauge, Gauge overdueGauge) {
        void set(QueueCounts counts) {
            open.set(counts.open());
            overdue.set(counts.overdue());
        }
    }
}
