package org.instantfeedback.streams.query;

import org.instantfeedback.actions.ConversationAction;
import java.time.Clock;
import java.util.UUID;
import org.instantfeedback.config.Topics;
import org.instantfeedback.streams.conversations.ConversationIds;
import org.instantfeedback.streams.conversations.ConversationView;

/**
 * Sends ops' answers, closings and erasures to feedback.conversation-actions.v1, keyed by the
 * conversation's contact, and returns once Kafka has them. An answer gets its reply id here, so
 * the reply sender and the delivery news can name it before the topology has applied it.
 */
public final class ConversationActions {
    private final ActionRecords records;
    private final Clock clock;

    public ConversationActions(ActionRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Sends an answer; returns its reply id. */
    public String reply(ConversationView conversation, String text, String by) {
        String replyId = "reply-" + UUID.randomUUID();
        String contactId = contactOf(conversation);
        send(contactId, ConversationAction.reply(contactId, conversation.conversationId(), text, by, replyId,
                clock.instant()));
        return replyId;
    }

    public void close(ConversationView conversation, String by) {
        String contactId = contactOf(conversation);
        send(contactId, ConversationAction.close(contactId, conversation.conversationId(), by, clock.instant()));
    }

    /** Erases the conversation's contact: every conversation and the keys that open their number. */
    public void forget(ConversationView conversation, String by) {
        String contactId = contactOf(conversation);
        send(contactId, ConversationAction.forget(contactId, by, clock.instant()));
    }

    private void send(String contactId, ConversationAction action) {
        records.send(Topics.CONVERSATION_ACTIONS, contactId, action.toJson());
    }

    private static String contactOf(ConversationView conversation) {
        return ConversationIds.contactOf(conversation.conversationId()).orElseThrow();
    }
}
