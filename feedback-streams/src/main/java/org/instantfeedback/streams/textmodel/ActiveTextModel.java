package org.instantfeedback.streams.textmodel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.scoring.model.TextModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scorer every stream thread reads texts with, and the base model the operator loop builds
 * on. When another model becomes active (promoted, or pinned) the scorer is swapped in one step:
 * a text is read wholly by one model, and {@code FeedbackScored.modelVersion} says which.
 */
public final class ActiveTextModel implements Supplier<TextScorer> {

    private static final Logger log = LoggerFactory.getLogger(ActiveTextModel.class);

    private final TextScorer lexicon;
    private final TextModel base;
    private final AtomicReference<TextScorer> scorer;

    /** @param baseScorer the scorer with the base model; it is what reads texts until another model is used */
    public ActiveTextModel(TextScorer baseScorer) {
        this.base = Objects.requireNonNull(baseScorer.model(), "the base scorer must have a model");
        this.lexicon = baseScorer.withModel(null);
        this.scorer = new AtomicReference<>(baseScorer);
    }

    @Override
    public TextScorer get() {
        return scorer.get();
    }

    /** The lexicon alone, with the operator's extension file: what models are trained on. */
    public TextScorer lexicon() {
        return lexicon;
    }

    public TextModel base() {
        return base;
    }

    public TextModel model() {
        return scorer.get().model();
    }

    /** Reads texts with {@code model} from now on (the same scorer when it is already in use). */
    public void use(TextModel model) {
        TextScorer previous = scorer.get();
        if (previous.model() == model) {
            return;
        }
        scorer.set(previous.withModel(model));
        log.info("Texts are now read by text model {} (was {}); it reads {}", model.version(),
                previous.model().version(), String.join(", ", model.info().languages()));
    }

    /** {@code feedback.text.model.generation}: n of the active model op-n, 0 for a base model. */
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("feedback.text.model.generation", this, active -> ModelVersions.generation(active.model()))
                .description("Generation of the text model that reads texts: n of op-n, 0 for the base model")
                .register(meters);
    }
}
