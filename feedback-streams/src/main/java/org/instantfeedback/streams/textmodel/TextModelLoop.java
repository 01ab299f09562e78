package org.instantfeedback.streams.textmodel;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.instantfeedback.streams.config.KafkaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text model's operator loop in one instance: its two topics made when missing, the feed of
 * promoted models (every instance), and the trainer (unless {@code TEXT_MODEL_LEARNING=false};
 * one instance at a time trains). Start it before Kafka Streams, so the first text is read with
 * the model the other instances use.
 */
public final class TextModelLoop implements AutoCloseable {

    /** How long start-up waits for the promoted models; beyond it texts start with the base model. */
    static final Duration CATCH_UP = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(TextModelLoop.class);

    private final KafkaSettings kafka;
    private final ActiveTextModel active;
    private final TextModelFeed feed;
    private final ModelTrainer trainer;

    public TextModelLoop(TextModelSettings settings, KafkaSettings kafka, ActiveTextModel active, MeterRegistry meters,
                         Clock clock) {
        this.kafka = kafka;
        this.active = active;
        this.feed = new TextModelFeed(kafka.streams(), kafka.registry(), kafka.applicationId() + "-text-model-feed",
                active, settings.pinnedVersion());
        this.trainer = settings.learning()
                ? new ModelTrainer(settings, kafka.streams(), kafka.registry(), kafka.applicationId(), active, feed,
                meters, clock)
                : null;
    }

    /** Makes the topics if missing and reads the promoted models (waiting up to {@link #CATCH_UP}). */
    public void start() {
        TextModelTopics.ensure(kafka.streams());
        feed.start();
        if (!feed.awaitCaughtUp(CATCH_UP)) {
            log.warn("The promoted text models were not read within {}; texts are read by {} until they are",
                    CATCH_UP, active.model().version());
        }
    }

    /** Starts training on the operator's rated texts, unless learning is off. */
    public void startLearning() {
        if (trainer == null) {
            log.info("Text model learning is off ({}=false): texts are read by {} and promoted models",
                    TextModelSettings.TEXT_MODEL_LEARNING, active.model().version());
            return;
        }
        trainer.start();
    }

    @Override
    public void close() {
        if (trainer != null) {
            trainer.close();
        }
        feed.close();
    }
}
