package org.instantfeedback.streams.textmodel;

import java.time.Instant;
import java.util.Optional;

/**
 * When the trainer starts a round: enough examples, at least the gap since the last round (this
 * instance's or, after a hand-over, the one that published the latest model), the feed has read
 * what this instance last published (so versions count on from it), and enough new rated texts or
 * enough time with some new ones. Used by the trainer's thread; {@link #published} by its training
 * thread.
 */
final class RetrainSchedule {

    private final TextModelSettings settings;
    private long lastRoundThrough;
    private Instant lastRoundAt;
    private volatile int publishedGeneration;

    /** @param now the first round may come as soon as there are examples enough */
    RetrainSchedule(TextModelSettings settings, Instant now) {
        this.settings = settings;
        this.lastRoundAt = now.minus(settings.retrainGap());
    }

    /**
     * @param examples       rated texts held
     * @param through        rated texts read so far (the offset after the newest)
     * @param latest         the latest promoted model the feed has read
     * @param nextGeneration the generation the next promoted model would get
     */
    boolean due(int examples, long through, Optional<PublishedModel> latest, int nextGeneration, Instant now) {
        Instant lastRound = latest.map(model -> model.record().getCreatedAt())
                .filter(created -> created.isAfter(lastRoundAt)).orElse(lastRoundAt);
        if (examples < settings.minimumExamples() || nextGeneration <= publishedGeneration
                || now.isBefore(lastRound.plus(settings.retrainGap()))) {
            return false;
        }
        long trainedThrough = Math.max(lastRoundThrough,
                latest.map(model -> model.record().getExamplesThrough()).orElse(0L));
        long fresh = through - trainedThrough;
        return fresh >= settings.retrainAfter()
                || fresh > 0 && !now.isBefore(lastRound.plus(settings.retrainEvery()));
    }

    void started(long through, Instant now) {
        lastRoundThrough = through;
        lastRoundAt = now;
    }

    void published(int generation) {
        publishedGeneration = generation;
    }
}
