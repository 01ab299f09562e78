package org.instantfeedback.streams.conversations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything kept of one contact, the value of the conversations store keyed by contactId: their
 * conversations (one per operator number at a time), the latest encrypted address per operator
 * number, and whether they opted out. Conversation ids are {@code <contactId>.<n>}, numbered per
 * contact, so an id names the task that holds it and erasure can name every one ever made.
 */
public final class ContactThread {
    /** Conversations kept per contact; older ones leave the store (their last state stays on feedback.conversations.v1). */
    static final int MOST_CONVERSATIONS = 20;

    String contactId;
    boolean optedOut;
    int conversationsStarted;
    Map<String, StoredAddress> addresses = new HashMap<>();
    List<ConversationState> conversations = new ArrayList<>();

    static ContactThread of(String contactId) {
        ContactThread thread = new ContactThread();
        thread.contactId = contactId;
        return thread;
    }

    /**
     * Where a passenger's message went: the conversation, whether it started it, the service rating
     * it gave, and the oldest conversation that left the store to make room for a new one.
     */
    record Joined(ConversationState conversation, boolean started, Optional<Integer> serviceRating,
                  Optional<ConversationState> dropped) {
    }

    /**
     * A passenger's message: continues their latest conversation with that operator number when
     * they wrote within the quiet period, else starts a new one.
     */
    Joined receive(InboundMessage message, Duration quietPeriod) {
        addresses.put(message.address().operatorNumber(), message.address());
        Optional<ConversationState> latest = latestWith(message.address().operatorNumber());
        if (latest.isPresent() && latest.get().continuesAt(message.receivedAt(), quietPeriod)) {
            return new Joined(latest.get(), false, latest.get().receive(message), Optional.empty());
        }
        conversationsStarted++;
        ConversationState started = ConversationState.open(ConversationIds.of(contactId, conversationsStarted), message);
        conversations.add(started);
        Optional<ConversationState> dropped = conversations.size() > MOST_CONVERSATIONS
                ? Optional.of(conversations.remove(0)) : Optional.empty();
        return new Joined(started, true, Optional.empty(), dropped);
    }

    /** Every kept conversation, without messages, as of {@code now}. */
    public List<ConversationView> summaries(Instant now, Duration answerWithin) {
        return conversations.stream()
                .map(conversation -> ConversationView.of(this, conversation, false, now, answerWithin)).toList();
    }

    /**
     * The kept conversations holding one of these messages (a passenger's SMS keeps its feedback
     * event id as message id), without messages, as of {@code now}.
     */
    public List<ConversationView> summariesHolding(Set<String> messageIds, Instant now, Duration answerWithin) {
        return conversations.stream().filter(conversation -> conversation.holdsAny(messageIds))
                .map(conversation -> ConversationView.of(this, conversation, false, now, answerWithin)).toList();
    }

    /** One conversation with its messages, as of {@code now}. */
    public Optional<ConversationView> view(String conversationId, Instant now, Duration answerWithin) {
        return conversation(conversationId)
                .map(conversation -> ConversationView.of(this, conversation, true, now, answerWithin));
    }

    Optional<ConversationState> conversation(String conversationId) {
        return conversations.stream().filter(c -> c.conversationId.equals(conversationId)).findFirst();
    }

    Optional<StoredAddress> addressFor(ConversationState conversation) {
        return Optional.ofNullable(addresses.get(conversation.operatorNumber));
    }

    /** Every conversation id the contact ever had, kept or not: what erasure must tombstone. */
    List<String> everyConversationId() {
        List<String> ids = new ArrayList<>(conversationsStarted);
        for (int n = 1; n <= conversationsStarted; n++) {
            ids.add(ConversationIds.of(contactId, n));
        }
        return ids;
    }

    private Optional<ConversationState> latestWith(String operatorNumber) {
        for (int i = conversations.size() - 1; i >= 0; i--) {
            if (conversations.get(i).operatorNumber.equals(operatorNumber)) {
                return Optional.of(conversations.get(i));
            }
        }
        return Optional.empty();
    }
}
