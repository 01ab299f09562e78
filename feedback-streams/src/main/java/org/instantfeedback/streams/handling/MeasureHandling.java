package org.instantfeedback.streams.handling;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.instantfeedback.events.HandlingMetrics;
import org.instantfeedback.streams.conversations.HandlingFact;

/**
 * Counts each handling fact into its key's minute slice, or, for a change of waiting, into its
 * key's open and overdue counts ({@value HandlingTopology#QUEUE_STORE}), and publishes the key's
 * figures over every rolling window as of that fact, with the counts as they now stand. Also
 * records the fact in Prometheus, tagged by scope and id (one series per subject, group and ops
 * user), and shows the counts there ({@link ConversationQueueGauges}).
 */
final class MeasureHandling extends ContextualProcessor<String, HandlingFact, String, HandlingMetrics> {
    private final List<Duration> windows;
    private final MeterRegistry meters;
    private final ConversationQueueGauges gauges;
    /** The keys of this task whose counts are shown, to hide them when the task leaves this instance. */
    private final Set<HandlingKey> shown = new HashSet<>();
    private WindowStore<String, HandlingSlice> slices;
    private KeyValueStore<String, QueueCounts> queues;

    MeasureHandling(List<Duration> windows, MeterRegistry meters, ConversationQueueGauges gauges) {
        this.windows = List.copyOf(windows);
        this.meters = meters;
        this.gauges = gauges;
    }

    @Override
    public void init(ProcessorContext<String, HandlingMetrics> context) {
        super.init(context);
        slices = context.getStateStore(HandlingTopology.SLICE_STORE);
        queues = context.getStateStore(HandlingTopology.QUEUE_STORE);
        // Processors start once the stores are restored: what they hold is what this task counted.
        try (KeyValueIterator<String, QueueCounts> all = queues.all()) {
            all.forEachRemaining(entry -> HandlingKey.parse(entry.key).ifPresent(key -> show(key, entry.value)));
        }
    }

    @Override
    public void process(Record<String, HandlingFact> record) {
        HandlingFact fact = record.value();
        HandlingKey key = HandlingKey.parse(record.key()).orElse(null);
        if (fact == null || key == null) {
            return;
        }
        QueueCounts counts = Optional.ofNullable(queues.get(record.key())).orElse(QueueCounts.NONE);
        if (fact.kind().changesWaiting()) {
            QueueCounts before = counts;
            counts = before.after(fact);
            if (counts.equals(before)) {
                return; // an end that found nothing to end (only after a lost state): nothing to publish
            }
            queues.put(record.key(), counts);
            show(key, counts);
        } else {
            count(record.key(), fact);
            record(key, fact);
        }
        Instant updatedAt = Instant.ofEpochMilli(context().currentSystemTimeMs());
        for (Duration window : windows) {
            HandlingFigures figures = HandlingWindows.sum(slices, record.key(), window, fact.at());
            context().forward(record.withKey(key + ":" + window)
                    .withValue(figures.toAvro(key, window, counts, updatedAt)));
        }
    }

    @Override
    public void close() {
        shown.forEach(gauges::hide);
        shown.clear();
    }

    private void count(String key, HandlingFact fact) {
        long sliceStart = fact.at().toEpochMilli() - Math.floorMod(fact.at().toEpochMilli(), HandlingWindows.SLICE.toMillis());
        HandlingSlice slice = slices.fetch(key, sliceStart);
        if (slice == null) {
            slice = new HandlingSlice();
        }
        slice.add(fact);
        slices.put(key, slice, sliceStart);
    }

    private void show(HandlingKey key, QueueCounts counts) {
        shown.add(key);
        gauges.show(key, counts);
    }

    private void record(HandlingKey key, HandlingFact fact) {
        switch (fact.kind()) {
            case FIRST_RESPONSE -> timer("conversations.first.response", "From a passenger's first message to the"
                    + " first answer", key).record(Duration.ofSeconds(fact.seconds()));
            case RESPONSE -> timer("conversations.response", "From a passenger's message to the next answer", key)
                    .record(Duration.ofSeconds(fact.seconds()));
            case CLOSED -> timer("conversations.handling", "From a conversation's first message to its closing", key)
                    .record(Duration.ofSeconds(fact.seconds()));
            case SERVICE_RATING -> DistributionSummary.builder("conversations.service.rating")
                    .description("Passengers' 1-5 answers to the follow-up question").tag("scope", key.scope())
                    .tag("id", key.id()).register(meters).record(fact.value());
            case OPENED -> meters.counter("conversations.opened", "scope", key.scope(), "id", key.id()).increment();
        }
    }

    private Timer timer(String name, String description, HandlingKey key) {
        return Timer.builder(name).description(description).tag("scope", key.scope()).tag("id", key.id())
                .register(meters);
    }
}
