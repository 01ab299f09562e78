package org.instantfeedback.streams.feedback;

import java.util.Objects;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;

/**
 * What scoring made of one piece of feedback: the scored event, or (scored null) a failure whose
 * feedback goes to the dead-letter topic. Lives only between two processors of one task, so it
 * never needs a serde.
 */
public record ScoringOutcome(FeedbackReceived feedback, FeedbackScored scored) {
    public ScoringOutcome {
        Objects.requireNonNull(feedback, "feedback");
    }

    static ScoringOutcome scored(FeedbackScored scored) {
        return new ScoringOutcome(scored.getFeedback(), scored);
    }

    static ScoringOutcome failed(FeedbackReceived feedback) {
        return new ScoringOutcome(feedback, null);
    }

    public boolean succeeded() {
        return scored != null;
    }
}
