package org.instantfeedback.benchmarks.pipeline;

import java.time.Duration;

/**
 * How big each benchmark runs (a smoke run also leaves out the no-cache variant, forks no JMH
 * JVM and scales to one size only): the full run docs/performance.md quotes, or a smoke run of seconds that
 * only proves every benchmark still works (its figures mean nothing). {@code trainingExamples} is
 * the number of labelled texts the text model's training is measured on (the 100,000).
 */
record Sizes(Duration warmUp, Duration measure, int[] clientCounts, long streamEvents, int subjects,
             Duration endToEnd, long scaleEvents, int[] scaleSubjects, int trainingExamples, boolean full) {

    static final Sizes FULL = new Sizes(Duration.ofSeconds(5), Duration.ofSeconds(20), new int[] {8, 32, 128}, 1_000_000, 1_000,
            Duration.ofSeconds(30), 500_000, new int[] {1_000, 10_000, 100_000}, 100_000, true);

    static final Sizes SMOKE = new Sizes(Duration.ofMillis(500), Duration.ofSeconds(1), new int[] {4}, 600, 100,
            Duration.ofSeconds(3), 200, new int[] {1_000}, 1_500, false);

    /** The full sizes with another number of pre-produced events (scale runs get half of it). */
    Sizes withStreamEvents(long events) {
        return new Sizes(warmUp, measure, clientCounts, events, subjects, endToEnd, Math.max(1, events / 2),
                scaleSubjects, trainingExamples, full);
    }

    /** The same sizes with another number of labelled texts for the text model's training. */
    Sizes withTrainingExamples(int examples) {
        return new Sizes(warmUp, measure, clientCounts, streamEvents, subjects, endToEnd, scaleEvents,
                scaleSubjects, examples, full);
    }
}
