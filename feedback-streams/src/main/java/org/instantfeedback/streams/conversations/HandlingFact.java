package org.instantfeedback.streams.conversations;

import java.time.Duration;
import java.time.Instant;

/**
 * One thing that happened in the handling of a conversation and is measured: it was opened, got
 * its first answer, had a message answered, was closed, or was rated by the passenger. Timed when
 * it happened, which is when it counts in the rolling windows.
 *
 * @param user    the ops user it is to the credit of (who answered, who closed); null for an opening
 * @param seconds the time measured: to the first answer, to the answer of one message, opened to closed
 * @param value   answers given (closed), or the passenger's 1-5 rating (rated)
 */
public record HandlingFact(Kind kind, String conversationId, String subject, String user, long seconds, int value,
                           Instant at) {

    /** What happened. */
    public enum Kind { OPENED, FIRST_RESPONSE, RESPONSE, CLOSED, SERVICE_RATING }

    static HandlingFact opened(ConversationState conversation) {
        return new HandlingFact(Kind.OPENED, conversation.conversationId, conversation.subject, null, 0, 0,
                conversation.openedAt);
    }

    static HandlingFact firstResponse(ConversationState conversation, String by, Instant at) {
        return new HandlingFact(Kind.FIRST_RESPONSE, conversation.conversationId, conversation.subject, by,
                seconds(conversation.openedAt, at), 0, at);
    }

    static HandlingFact response(ConversationState conversation, String by, Instant written, Instant at) {
        return new HandlingFact(Kind.RESPONSE, conversation.conversationId, conversation.subject, by,
                seconds(written, at), 0, at);
    }

    static HandlingFact closed(ConversationState conversation, int replies) {
        return new HandlingFact(Kind.CLOSED, conversation.conversationId, conversation.subject,
                conversation.closedBy, seconds(conversation.openedAt, conversation.closedAt), replies,
                conversation.closedAt);
    }

    static HandlingFact rated(ConversationState conversation, int rating, Instant at) {
        return new HandlingFact(Kind.SERVICE_RATING, conversation.conversationId, conversation.subject,
                conversation.closedBy, 0, rating, at);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
