package org.instantfeedback.streams.conversations;

import org.instantfeedback.alerting.ConversationWaiting;
import org.instantfeedback.events.Conversation;
import org.instantfeedback.events.ReplyRequested;

/** What a change to a contact's conversations publishes; each says the key it is published under. */
sealed interface ConversationOutput {
    String key();

    /** A conversation as it now stands on feedback.conversations.v1; a null conversation is its tombstone. */
    record Snapshot(String conversationId, Conversation conversation) implements ConversationOutput {
        @Override
        public String key() {
            return conversationId;
        }
    }

    /** An SMS for the reply sender on feedback.replies.v1, keyed by contact so a contact's answers stay in order. */
    record Reply(ReplyRequested reply) implements ConversationOutput {
        @Override
        public String key() {
            return reply.getTo().getContactId();
        }
    }

    /** The tombstone of the contact's keys on feedback.contact-keys.v1: erasure. */
    record EraseKeys(String contactId) implements ConversationOutput {
        @Override
        public String key() {
            return contactId;
        }
    }

    /** Something measured in the handling of a conversation, for the rolling handling figures. */
    record Fact(HandlingFact fact) implements ConversationOutput {
        @Override
        public String key() {
            return fact.subject();
        }
    }

    /** A conversation started or stopped waiting past the answer limit, for the subject's unanswered alert. */
    record Waiting(ConversationWaiting waiting) implements ConversationOutput {
        @Override
        public String key() {
            return waiting.subject();
        }
    }

    /** An action that could not be applied, as it was sent; the reason travels in the dead-letter headers. */
    record Rejected(String contactId, String json) implements ConversationOutput {
        @Override
        public String key() {
            return contactId;
        }
    }
}
