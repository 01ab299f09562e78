package org.instantfeedback.streams.conversations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.instantfeedback.events.ConversationMessage;
import org.instantfeedback.events.DeliveryStatus;

/** One message of a conversation as stored: a passenger's, or an answer with its delivery as last learned. */
final class MessageState {
    String messageId;
    boolean inbound;
    Instant at;
    String text;
    String by;
    boolean followUp;
    String sentimentLabel;
    List<String> topics = new ArrayList<>();
    boolean urgent;
    DeliveryStatus delivery;
    String deliveryError;

    static MessageState inbound(InboundMessage message) {
        MessageState state = new MessageState();
        state.messageId = message.eventId();
        state.inbound = true;
        state.at = message.receivedAt();
        state.text = message.text();
        state.sentimentLabel = message.sentimentLabel();
        state.topics = new ArrayList<>(message.topics());
        state.urgent = message.urgent();
        return state;
    }

    static MessageState answer(String replyId, String text, String by, boolean followUp, Instant at) {
        MessageState state = new MessageState();
        state.messageId = replyId;
        state.at = at;
        state.text = text;
        state.by = by;
        state.followUp = followUp;
        return state;
    }

    /**
     * Takes a later status unless it would go back: statuses arrive from the sender and from the
     * provider's callbacks in any order, and "delivered" must not turn back into "queued".
     */
    boolean learn(DeliveryUpdate update) {
        if (delivery != null && rank(update.status()) < rank(delivery)) {
            return false;
        }
        delivery = update.status();
        if (update.error() != null) {
            deliveryError = update.error();
        }
        return true;
    }

    /**
     * How far a status got. An outcome the sender could not know ranks low: a callback from the
     * provider may still tell what became of the message.
     */
    private static int rank(DeliveryStatus status) {
        return switch (status) {
            case SENDING -> 1;
            case OUTCOME_UNKNOWN -> 2;
            case QUEUED -> 3;
            case SENT -> 4;
            case DELIVERED, FAILED, OPTED_OUT -> 5;
            case UNKNOWN -> 0;
        };
    }

    ConversationMessage toAvro() {
        return ConversationMessage.newBuilder().setMessageId(messageId).setInbound(inbound).setAt(at).setText(text)
                .setBy(by).setFollowUp(followUp).setSentimentLabel(sentimentLabel).setTopics(List.copyOf(topics))
                .setUrgent(urgent).setDelivery(delivery).setDeliveryError(deliveryError).build();
    }
}
