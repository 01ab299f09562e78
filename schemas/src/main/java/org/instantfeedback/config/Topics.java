package org.instantfeedback.config;

/**
 * Names of the topics the services share. Versioned, so a breaking change gets a new topic
 * beside the old one instead of surprising its consumers.
 */
public final class Topics {
    /** {@code FeedbackReceived} keyed by subject, written by feedback-ingest. */
    public static final String FEEDBACK_RECEIVED = "feedback.received.v1";
    /**
     * {@code FeedbackScored} keyed by subject, written by feedback-streams: every feedback once
     * (deduplicated by eventId), with the sentiment, topics, urgency and language of its text.
     */
    public static final String FEEDBACK_SCORED = "feedback.scored.v1";
    /** {@code CsatWindow} keyed by subject, one record for every update of a hopping window. */
    public static final String CSAT = "feedback.csat.v1";
    /** Records the pipeline could not process, with the reason in headers. */
    public static final String DEAD_LETTER = "feedback.deadletter.v1";

    private Topics() {
    }
}
