package org.instantfeedback.benchmarks.flink;

import org.instantfeedback.scoring.TextScorer;

/**
 * The text scorer feedback-streams reads texts with until an operator's model is promoted:
 * {@code TextScorer.builder().build()}, the transport lexicon and the bundled base model (what
 * {@code StreamsApp.textScorer} builds with no extension file and no base model file set).
 *
 * <p>One per JVM, as feedback-streams shares one among its stream threads: the scorer is
 * immutable and thread-safe, and takes seconds and some 50 MB to build. {@link FlinkFullJob}
 * builds it before its clock starts, as feedback-streams builds its scorer before
 * {@code start()}; in a cluster each task manager would build its own on first use.
 */
final class SharedTextScorer {
    private SharedTextScorer() {
    }

    static TextScorer get() {
        return Holder.SCORER;
    }

    // The holder idiom: built once, on first use, without locking on every call.
    private static final class Holder {
        private static final TextScorer SCORER = TextScorer.builder().build();
    }
}
