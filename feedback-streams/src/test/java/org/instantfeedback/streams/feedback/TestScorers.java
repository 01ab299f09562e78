package org.instantfeedback.streams.feedback;

import org.instantfeedback.scoring.TextScorer;

/**
 * The text scorer the app builds without an extension file, built once for all tests in the JVM:
 * loading the lexicons and the language model takes a moment, and the scorer is immutable.
 */
public final class TestScorers {
    private TestScorers() {
    }

    public static TextScorer standard() {
        return Standard.SCORER;
    }

    private static final class Standard {
        static final TextScorer SCORER = TextScorer.builder().build();
    }
}
