package org.instantfeedback.streams.conversations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.instantfeedback.events.ConversationStatus;

/**
 * A conversation as the query API and the dashboard show it: where it stands, how long the
 * passenger has waited (and whether that is overdue), the handling figures so far, and, when read
 * alone, its messages. Never a number: the address stays encrypted in the store.
 *
 * @param status               open (the passenger waits), waiting (for the passenger) or closed
 * @param waitingSeconds       how long the oldest unanswered message has waited, as of {@code asOf}
 * @param overdue              whether that is longer than the answer limit
 * @param firstResponseSeconds the first message to the first answer
 * @param handlingSeconds      opened to closed
 * @param messages             the messages, oldest first; empty in lists
 */
public record ConversationView(String conversationId, String subject, String operatorNumber, String status,
                               boolean overdue, Instant asOf, Instant openedAt, Instant waitingSince,
                               Long waitingSeconds, Instant lastMessageAt, Instant firstReplyAt,
                               Long firstResponseSeconds, Instant closedAt, String closedBy, Long handlingSeconds,
                               List<String> handledBy, boolean optedOut, Integer serviceRating, int replies,
                               MessageView lastMessage, List<MessageView> messages) {

    /** One message; {@code direction} is {@code in} for the passenger's, {@code out} for answers. */
    public record MessageView(String messageId, String direction, Instant at, String text, String by,
                              boolean followUp, String sentiment, List<String> topics, boolean urgent,
                              String delivery, String deliveryError) {

        static MessageView of(MessageState message) {
            return new MessageView(message.messageId, message.inbound ? "in" : "out", message.at, message.text,
                    message.by, message.followUp,
                    message.sentimentLabel == null ? null : message.sentimentLabel.toLowerCase(Locale.ROOT),
                    List.copyOf(message.topics), message.urgent,
                    message.delivery == null ? (message.inbound ? null : "requested")
                            : message.delivery.name().toLowerCase(Locale.ROOT),
                    message.deliveryError);
        }
    }

    static ConversationView of(ContactThread thread, ConversationState conversation, boolean withMessages,
                               Instant now, Duration answerWithin) {
        Long waiting = conversation.waitingSince == null ? null : seconds(conversation.waitingSince, now);
        List<MessageState> messages = conversation.messages;
        return new ConversationView(conversation.conversationId, conversation.subject, conversation.operatorNumber,
                conversation.status.name().toLowerCase(Locale.ROOT),
                conversation.status == ConversationStatus.OPEN && waiting != null
                        && waiting > answerWithin.toSeconds(),
                now, conversation.openedAt, conversation.waitingSince, waiting, conversation.lastActivityAt,
                conversation.firstReplyAt,
                conversation.firstReplyAt == null ? null : seconds(conversation.openedAt, conversation.firstReplyAt),
                conversation.closedAt, conversation.closedBy,
                conversation.closedAt == null ? null : seconds(conversation.openedAt, conversation.closedAt),
                List.copyOf(conversation.handledBy), thread.optedOut, conversation.serviceRating,
                conversation.replies(),
                messages.isEmpty() ? null : MessageView.of(messages.get(messages.size() - 1)),
                withMessages ? messages.stream().map(MessageView::of).toList() : List.of());
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
