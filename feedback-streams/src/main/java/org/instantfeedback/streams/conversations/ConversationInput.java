package org.instantfeedback.streams.conversations;

/**
 * One of the three things that change a contact's conversations, on the one repartition topic keyed
 * by contactId, so that all three reach the task holding the contact in the order they arrived:
 * a passenger's message, an action, or news of an answer's delivery. Exactly one is set.
 */
record ConversationInput(InboundMessage message, String action, DeliveryUpdate delivery) {

    static ConversationInput of(InboundMessage message) {
        return new ConversationInput(message, null, null);
    }

    /** An action as it was written: read where it is applied, so an unreadable one is dead-lettered there with the rest. */
    static ConversationInput action(String json) {
        return new ConversationInput(null, json == null ? "" : json, null);
    }

    static ConversationInput of(DeliveryUpdate delivery) {
        return new ConversationInput(null, null, delivery);
    }
}
