package org.instantfeedback.streams.textmodel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.instantfeedback.scoring.training.HeldBackFigures;
import org.instantfeedback.scoring.training.OperatorTraining;

/**
 * What the operator loop shows on {@code /metrics}: the rated texts it holds, the held-back
 * accuracy and negative F1 of the current model and of the last candidate, and how training
 * rounds ended and took. (The active model's generation is {@link ActiveTextModel}'s.)
 */
final class TrainingMeters implements AutoCloseable {

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final AtomicReference<HeldBackFigures> current = new AtomicReference<>();
    private final AtomicReference<HeldBackFigures> candidate = new AtomicReference<>();
    private final Counter promoted;
    private final Counter kept;
    private final Counter failed;
    private final Timer duration;

    TrainingMeters(MeterRegistry registry, AtomicInteger examples) {
        this.registry = registry;
        meters.add(Gauge.builder("feedback.text.model.examples", examples, AtomicInteger::get)
                .description("Rated texts the text model trainer holds (it trains on them)").register(registry));
        figures("current", current);
        figures("candidate", candidate);
        promoted = counter("promoted");
        kept = counter("kept");
        failed = counter("failed");
        duration = Timer.builder("feedback.text.model.training")
                .description("How long a training round took (train, then judge on the held-back texts)")
                .register(registry);
        meters.add(duration);
    }

    private void figures(String model, AtomicReference<HeldBackFigures> figures) {
        meters.add(Gauge.builder("feedback.text.model.held.back.accuracy", figures,
                        f -> f.get() == null ? Double.NaN : f.get().accuracy())
                .tag("model", model)
                .description("Three-class accuracy on the held-back rated texts of the last training round")
                .register(registry));
        meters.add(Gauge.builder("feedback.text.model.held.back.negative.f1", figures,
                        f -> f.get() == null ? Double.NaN : f.get().negativeF1())
                .tag("model", model)
                .description("Negative F1 on the held-back rated texts of the last training round")
                .register(registry));
    }

    private Counter counter(String outcome) {
        Counter counter = Counter.builder("feedback.text.model.trainings").tag("outcome", outcome)
                .description("Training rounds, by outcome: promoted, kept (candidate worse), failed")
                .register(registry);
        meters.add(counter);
        return counter;
    }

    void judged(OperatorTraining.Outcome outcome, Duration took) {
        current.set(outcome.current());
        candidate.set(outcome.candidateFigures());
        (outcome.promote() ? promoted : kept).increment();
        duration.record(took);
    }

    void failed() {
        failed.increment();
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
