package org.instantfeedback.scoring.model;

/** Told after every pass over the examples, so that long training runs show how far they are. */
@FunctionalInterface
public interface TrainingProgress {

    TrainingProgress SILENT = (epoch, epochs, meanLoss) -> { };

    /**
     * @param epoch    passes done, from 1
     * @param epochs   passes in all
     * @param meanLoss weighted mean log loss of the pass (falls as the model learns)
     */
    void epochDone(int epoch, int epochs, double meanLoss);
}
