package org.instantfeedback.alerting;

import java.time.Instant;

/**
 * A conversation's passenger started, or stopped, waiting longer than the answer limit: what the
 * unanswered alert of the conversation's subject is judged on.
 *
 * @param overdue      true when the passenger has now waited past the limit; false once answered,
 *                     closed or erased
 * @param waitingSince when the oldest unanswered message was written
 * @param text         that message (masked), for the alert's example; null when not overdue
 * @param messageId    that message's id (for a passenger's SMS, the feedback's event id), so the
 *                     alert's example leads back to the conversation; null when not overdue
 * @param at           when this was noticed
 */
public record ConversationWaiting(String subject, String conversationId, boolean overdue, Instant waitingSince,
                                  String text, String messageId, Instant at) {
}
