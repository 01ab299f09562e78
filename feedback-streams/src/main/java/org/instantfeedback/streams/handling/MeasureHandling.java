package org.instantfeedback.streams.handling;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.instantfeedback.events.HandlingMetrics;
import org.instantfeedback.streams.conversations.HandlingFact;

/**
 * Counts each handling fact into its key's minute slice and publishes the key's figures over every
 * rolling window as of that fact. Also records the fact in Prometheus, tagged by scope and id (one
 * series per subject, group and ops user).
 */
final class MeasureHandling extends ContextualProcessor<String, HandlingFact, String, HandlingMetrics> {
    private final List<Duration> windows;
    private final MeterRegistry meters;
    private WindowStore<String, HandlingSlice> slices;

    MeasureHandling(List<Duration> windows, MeterRegistry meters) {
        this.windows = List.copyOf(windows);
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, HandlingMetrics> context) {
        super.init(context);
        slices = context.getStateStore(HandlingTopology.SLICE_STORE);
    }

    @Override
    public void process(Record<String, HandlingFact> record) {
        HandlingFact fact = record.value();
        HandlingKey key = HandlingKey.parse(record.key()).orElse(null);
        if (fact == null || key == null) {
            return;
        }
        long sliceStart = fact.at().toEpochMilli() - Math.floorMod(fact.at().toEpochMilli(), HandlingWindows.SLICE.toMillis());
        HandlingSlice slice = slices.fetch(record.key(), sliceStart);
        if (slice == null) {
            slice = new HandlingSlice();
        }
        slice.add(fact);
        slices.put(record.key(), slice, sliceStart);
        Instant updatedAt = Instant.ofEpochMilli(context().currentSystemTimeMs());
        for (Duration window : windows) {
            HandlingFigures figures = HandlingWindows.sum(slices, record.key(), window, fact.at());
            context().forward(record.withKey(key + ":" + window)
                    .withValue(figures.toAvro(key, window, updatedAt)));
        }
        record(key, fact);
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
