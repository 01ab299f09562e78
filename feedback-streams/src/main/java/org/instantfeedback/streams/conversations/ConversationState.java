package org.instantfeedback.streams.conversations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.instantfeedback.actions.FollowUpAnswer;
import org.instantfeedback.events.Conversation;
import org.instantfeedback.events.ConversationStatus;

/**
 * One conversation with a passenger, changed as messages, answers and closing arrive. Its clock is
 * the one of what happened (a message's arrival at the edge, an action's time), never the clock of
 * the task that processes it, so a replay gives the same conversation.
 */
final class ConversationState {
    /** Messages kept per conversation; older ones leave the store (the topic's history keeps them). */
    static final int MOST_MESSAGES = 200;

    String conversationId;
    String operatorNumber;
    String subject;
    ConversationStatus status;
    Instant openedAt;
    Instant waitingSince;
    Instant firstReplyAt;
    Instant closedAt;
    String closedBy;
    List<String> handledBy = new ArrayList<>();
    boolean followUpAsked;
    Integer serviceRating;
    Instant lastActivityAt;
    List<MessageState> messages = new ArrayList<>();
    /** The passenger was found waiting past the answer limit (the unanswered alert was told). */
    boolean overdueSignalled;
    /** The waitingSince under which the conversation is in the {@link WaitingIndex}; null when it is not. */
    Instant indexedWaitingSince;
    /** Where the handling figures count it as open (and overdue); null when they do not ({@link CountWaiting}). */
    CountedAs countedAs;

    static ConversationState open(String conversationId, InboundMessage first) {
        ConversationState state = new ConversationState();
        state.conversationId = conversationId;
        state.operatorNumber = first.address().operatorNumber();
        state.subject = first.subject();
        state.openedAt = first.receivedAt();
        state.status = ConversationStatus.OPEN;
        state.receive(first);
        return state;
    }

    /** Whether a message at that time still belongs here: the passenger wrote within the quiet period of the last message. */
    boolean continuesAt(Instant at, Duration quietPeriod) {
        return !at.isAfter(lastActivityAt.plus(quietPeriod));
    }

    /**
     * A passenger's message: the conversation waits for an answer again (a closed one reopens),
     * unless it is the 1-5 answer to the follow-up question, which is kept as the service rating
     * (and returned).
     */
    Optional<Integer> receive(InboundMessage message) {
        MessageState received = MessageState.inbound(message);
        Optional<Integer> rating = followUpAnswer(message.text());
        if (rating.isPresent()) {
            received.followUp = true;
            serviceRating = rating.get();
        } else {
            if (status == ConversationStatus.CLOSED) {
                closedAt = null;
                closedBy = null;
            }
            status = ConversationStatus.OPEN;
            if (waitingSince == null) {
                waitingSince = message.receivedAt();
            }
        }
        add(received);
        return rating;
    }

    /**
     * An answer by ops: nothing waits any more, and the conversation waits for the passenger.
     * Returns when each message it answers was written: the passenger's messages since the previous answer.
     */
    List<Instant> answer(MessageState answer) {
        List<Instant> answered = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0; i--) {
            MessageState message = messages.get(i);
            if (!message.inbound && !message.followUp) {
                break;
            }
            if (message.inbound && !message.followUp) {
                answered.add(0, message.at);
            }
        }
        if (firstReplyAt == null) {
            firstReplyAt = answer.at;
        }
        waitingSince = null;
        if (status != ConversationStatus.CLOSED) {
            status = ConversationStatus.WAITING;
        }
        handled(answer.by);
        add(answer);
        return answered;
    }

    /** The ops user who wrote the latest answer kept here (the follow-up question is not one); empty when none. */
    Optional<String> lastAnsweredBy() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            MessageState message = messages.get(i);
            if (!message.inbound && !message.followUp) {
                return Optional.ofNullable(message.by);
            }
        }
        return Optional.empty();
    }

    /** The answers ops wrote (the follow-up question is not one). */
    int replies() {
        return (int) messages.stream().filter(message -> !message.inbound && !message.followUp).count();
    }

    /** The follow-up question, sent after closing: it changes nothing but the messages. */
    void ask(MessageState question) {
        followUpAsked = true;
        add(question);
    }

    void close(String by, Instant at) {
        status = ConversationStatus.CLOSED;
        closedAt = at;
        closedBy = by;
        waitingSince = null;
        handled(by);
        lastActivityAt = max(lastActivityAt, at);
    }

    /** The oldest message still unanswered: what the passenger waits on. */
    Optional<MessageState> oldestUnanswered() {
        return messages.stream().filter(message -> message.inbound && !message.followUp
                && !message.at.isBefore(waitingSince == null ? Instant.MAX : waitingSince)).findFirst();
    }

    Optional<MessageState> message(String messageId) {
        return messages.stream().filter(message -> message.messageId.equals(messageId)).findFirst();
    }

    /** Whether one of these messages is (still) kept here. */
    boolean holdsAny(Set<String> messageIds) {
        return messages.stream().anyMatch(message -> messageIds.contains(message.messageId));
    }

    Conversation toAvro(String contactId, boolean optedOut, Instant updatedAt) {
        return Conversation.newBuilder().setConversationId(conversationId).setContactId(contactId)
                .setOperatorNumber(operatorNumber).setSubject(subject).setStatus(status).setOpenedAt(openedAt)
                .setWaitingSince(waitingSince).setFirstReplyAt(firstReplyAt).setClosedAt(closedAt)
                .setClosedBy(closedBy).setHandledBy(List.copyOf(handledBy)).setOptedOut(optedOut)
                .setServiceRating(serviceRating).setUpdatedAt(updatedAt)
                .setMessages(messages.stream().map(MessageState::toAvro).toList()).build();
    }

    private Optional<Integer> followUpAnswer(String text) {
        if (status != ConversationStatus.CLOSED || !followUpAsked || serviceRating != null || text == null) {
            return Optional.empty();
        }
        return FollowUpAnswer.read(text);
    }

    private void handled(String by) {
        if (by != null && !handledBy.contains(by)) {
            handledBy.add(by);
        }
    }

    private void add(MessageState message) {
        messages.add(message);
        if (messages.size() > MOST_MESSAGES) {
            messages.remove(0);
        }
        lastActivityAt = max(lastActivityAt, message.at);
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
