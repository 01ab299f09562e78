package org.instantfeedback.ingest.feedback;

import java.util.List;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.service.problem.FieldError;

/**
 * Feedback as a channel read it, before any rule is checked. Each channel (JSON API, SMS webhook,
 * kiosk batch) fills in what it found; a value the channel could not even read (a rating that is
 * not a number, say) is left null and explained in {@code readErrors}, so that the sender hears
 * about it together with every other mistake.
 *
 * @param subject        what the feedback is about, as sent
 * @param rating         the rating value, as sent
 * @param scale          the name of the rating scale ({@code stars-5}, ...), or null for the default
 * @param comment        free text, as sent
 * @param occurredAt     ISO-8601 instant of the experience, or null for "now"
 * @param idempotencyKey the sender's id for this feedback, or null to get a fresh one
 * @param channel        where the feedback came from
 * @param senderPseudonym pseudonym of the sender ({@code SenderPseudonyms}), or null; never a
 *                       phone number
 * @param readErrors     what the channel could not read
 * @param replyTo        where an answer can be sent, the number encrypted ({@code ReplyAddress}), or null
 * @param answersFollowUp the passenger's 1-5 answer to the follow-up question: a rating of ops' handling,
 *                       not of the journey
 */
public record FeedbackSubmission(
        String subject,
        Long rating,
        String scale,
        String comment,
        String occurredAt,
        String idempotencyKey,
        Channel channel,
        String senderPseudonym,
        List<FieldError> readErrors,
        ReplyAddress replyTo,
        boolean answersFollowUp) {

    public FeedbackSubmission {
        readErrors = List.copyOf(readErrors);
    }

    /** Feedback nobody can answer: every channel but SMS. */
    public FeedbackSubmission(String subject, Long rating, String scale, String comment, String occurredAt,
            String idempotencyKey, Channel channel, String senderPseudonym, List<FieldError> readErrors) {
        this(subject, rating, scale, comment, occurredAt, idempotencyKey, channel, senderPseudonym, readErrors, null,
                false);
    }
}
