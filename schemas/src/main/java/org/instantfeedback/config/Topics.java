package org.instantfeedback.config;

import java.util.Map;
import java.util.Set;

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
    /**
     * {@code CsatWindow} keyed by subject, one record for every update of a hopping window.
     * Deprecated: written only while feedback-streams' {@code CSAT_V1_ENABLED} is true; read
     * {@link #CSAT_V2} instead.
     */
    public static final String CSAT = "feedback.csat.v1";
    /**
     * {@code CsatWindow} keyed by subject, written by feedback-streams: at each commit in which a
     * subject's ratings changed its current rolling window (the window ending earliest that holds
     * the stream time), that window's figures, at most once per commit; a subject's windows never
     * go back in time.
     */
    public static final String CSAT_V2 = "feedback.csat.v2";
    /**
     * {@code FeedbackMetrics} keyed by {@code <scope>:<id>:<window>}, written by feedback-streams: every
     * update of a subject's or group's rolling figures (the history).
     */
    public static final String METRICS = "feedback.metrics.v1";
    /** The same records as {@link #METRICS}, compacted: the latest figures per subject or group and window. */
    public static final String METRICS_LATEST = "feedback.metrics.latest.v1";
    /** {@code FeedbackAlert} keyed by alertId: every opening, escalation, update, acknowledgement and resolution. */
    public static final String ALERTS = "feedback.alerts.v1";
    /**
     * Compacted alert rules, keyed {@code default}, {@code group:<id>} or {@code subject:<id>}, a JSON
     * object as value (a tombstone removes the override). Rejected rules go to {@link #DEAD_LETTER}.
     */
    public static final String ALERT_RULES = "feedback.alert-rules.v1";
    /**
     * The rules of {@link #ALERT_RULES} that feedback-streams accepted, compacted, same key and value;
     * every instance reads it in full. Written only by feedback-streams.
     */
    public static final String ALERT_RULES_ACCEPTED = "feedback.alert-rules.accepted.v1";
    /**
     * Ops acknowledging or resolving alerts, keyed {@code <scope>:<id>:<kind>}, JSON value
     * {@code {alertId, action, actor, note, at}}. Rejected actions go to {@link #DEAD_LETTER}.
     */
    public static final String ALERT_ACTIONS = "feedback.alert-actions.v1";
    /**
     * {@code FeedbackAlertHandling} keyed by {@code <scope>:<id>:<kind>}, compacted, written by
     * feedback-streams: time to acknowledge and time to resolve of a subject's or group's alerts of
     * one kind, updated on every acknowledgement and resolution on {@link #ALERTS}.
     */
    public static final String ALERT_HANDLING = "feedback.alert-handling.v1";
    /**
     * {@code RatedText} keyed by eventId, written by feedback-streams: every text that came with a
     * rating, the examples its text model learns the operator's language from. One partition, so
     * that one instance trains on all of them in order.
     */
    public static final String RATED_TEXTS = "feedback.rated-texts.v1";
    /**
     * {@code TextModelPublished} keyed by version, compacted, one partition, written by
     * feedback-streams: the text models it promoted; every instance reads them all.
     */
    public static final String TEXT_MODELS = "feedback.text-models.v1";
    /**
     * {@code ContactKeys} keyed by contactId, compacted: each contact's data keys, wrapped by the
     * operator's key. Written by feedback-ingest when a new contact writes (and at most daily as they
     * write again); a tombstone (erasure, or a contact past its retention) destroys the keys.
     */
    public static final String CONTACT_KEYS = "feedback.contact-keys.v1";
    /**
     * {@code Conversation} keyed by conversationId, compacted, written by feedback-streams: every
     * conversation as it stands after each change; tombstones when a contact is erased.
     */
    public static final String CONVERSATIONS = "feedback.conversations.v1";
    /**
     * Ops and passengers acting on conversations, keyed by contactId, JSON value
     * {@code {action, conversationId, text, by, replyId, at}}: reply, close, forget (erasure),
     * opt-out and opt-in. Rejected actions go to {@link #DEAD_LETTER}.
     */
    public static final String CONVERSATION_ACTIONS = "feedback.conversation-actions.v1";
    /** {@code ReplyRequested} keyed by contactId, written by feedback-streams: the SMS the reply sender delivers. */
    public static final String REPLIES = "feedback.replies.v1";
    /**
     * {@code ReplyStatus} keyed by contactId: what became of each reply, from the reply sender and
     * from the provider's status callbacks (through feedback-ingest).
     */
    public static final String REPLY_STATUS = "feedback.reply-status.v1";
    /**
     * {@code HandlingMetrics} keyed by {@code <scope>:<id>:<window>}, written by feedback-streams:
     * first response, response and handling times, replies per conversation and service CSAT of a
     * subject, group or ops user over a rolling window, at every change.
     */
    public static final String HANDLING = "feedback.handling.v1";
    /** Records the pipeline could not process, with the reason in headers. */
    public static final String DEAD_LETTER = "feedback.deadletter.v1";

    /** Topics that keep the latest record per key (cleanup.policy=compact) rather than expiring by age. */
    public static final Set<String> COMPACTED =
            Set.of(METRICS_LATEST, ALERT_RULES, ALERT_RULES_ACCEPTED, ALERT_HANDLING, TEXT_MODELS,
                    CONTACT_KEYS, CONVERSATIONS);

    /**
     * The compacted topics that hold what erasing a passenger removes: their keys and their
     * conversations. Created with {@link #ERASURE_BOUND}.
     */
    public static final Set<String> ERASABLE = Set.of(CONTACT_KEYS, CONVERSATIONS);

    /**
     * Settings of the {@link #ERASABLE} topics that bound how long an erased passenger's records stay on
     * disk: a segment rolls within an hour and a record is compacted at most an hour after it was
     * written, so the tombstoned keys and conversations are gone within about two hours (Kafka's
     * defaults, a week's segments and no lag limit, could keep them for weeks).
     */
    public static final Map<String, String> ERASURE_BOUND = Map.of("segment.ms", "3600000",
            "max.compaction.lag.ms", "3600000");

    private Topics() {
    }
}
