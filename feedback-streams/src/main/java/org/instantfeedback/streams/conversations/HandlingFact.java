package org.instantfeedback.streams.conversations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One thing that happened in the handling of a conversation and is measured: it was opened, got
 * its first answer, had a message answered, was closed, or was rated by the passenger; or its
 * passenger started or stopped waiting for an answer, or waiting past the limit. Timed when it
 * happened, which is when it counts in the rolling windows.
 *
 * @param user    the ops user it is to the credit of (who answered, who closed); for a change of
 *                waiting, the one who answered the conversation last; null for an opening or when nobody
 * @param seconds the time measured: to the first answer, to the answer of one message, opened to closed
 * @param value   answers given (closed), or the passenger's 1-5 rating (rated)
 * @param groups  for a change of waiting, the groups it is counted in (those of the subject when it
 *                started waiting, so that it stops in the same ones if the hierarchy changed since);
 *                null for the other facts, which count in the groups of the subject as it is now
 */
public record HandlingFact(Kind kind, String conversationId, String subject, String user, long seconds, int value,
                           Instant at, List<String> groups) {

    /** What happened. */
    public enum Kind {
        OPENED, FIRST_RESPONSE, RESPONSE, CLOSED, SERVICE_RATING,
        /** The passenger waits for an answer: one more open conversation. */
        WAITING_STARTED,
        /** The passenger no longer waits (answered, closed, erased, no longer kept): one fewer open. */
        WAITING_ENDED,
        /** The passenger has waited longer than the answer limit: one more overdue conversation. */
        OVERDUE_STARTED,
        /** An overdue passenger no longer waits: one fewer overdue. */
        OVERDUE_ENDED;

        /** Whether it changes the count of open or overdue conversations rather than a window's figures. */
        public boolean changesWaiting() {
            return this == WAITING_STARTED || this == WAITING_ENDED || this == OVERDUE_STARTED
                    || this == OVERDUE_ENDED;
        }
    }

    static HandlingFact opened(ConversationState conversation) {
        return measured(Kind.OPENED, conversation, null, 0, 0, conversation.openedAt);
    }

    static HandlingFact firstResponse(ConversationState conversation, String by, Instant at) {
        return measured(Kind.FIRST_RESPONSE, conversation, by, seconds(conversation.openedAt, at), 0, at);
    }

    static HandlingFact response(ConversationState conversation, String by, Instant written, Instant at) {
        return measured(Kind.RESPONSE, conversation, by, seconds(written, at), 0, at);
    }

    static HandlingFact closed(ConversationState conversation, int replies) {
        return measured(Kind.CLOSED, conversation, conversation.closedBy,
                seconds(conversation.openedAt, conversation.closedAt), replies, conversation.closedAt);
    }

    static HandlingFact rated(ConversationState conversation, int rating, Instant at) {
        return measured(Kind.SERVICE_RATING, conversation, conversation.closedBy, 0, rating, at);
    }

    /** A change of waiting, counted where {@code counted} says. */
    static HandlingFact waiting(Kind kind, ConversationState conversation, CountedAs counted, Instant at) {
        return new HandlingFact(kind, conversation.conversationId, conversation.subject, counted.user(), 0, 0, at,
                counted.groups());
    }

    private static HandlingFact measured(Kind kind, ConversationState conversation, String user, long seconds,
                                         int value, Instant at) {
        return new HandlingFact(kind, conversation.conversationId, conversation.subject, user, seconds, value, at,
                null);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
