package org.instantfeedback.ingest.contacts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.instantfeedback.config.Topics;
import org.instantfeedback.contacts.CompactedTopicReader;
import org.instantfeedback.contacts.ContactSettings;
import org.instantfeedback.events.Conversation;
import org.instantfeedback.events.ConversationMessage;
import org.instantfeedback.events.ConversationStatus;

/**
 * The passengers who were asked the follow-up question ("How did we do? Reply 1-5") and have not
 * answered it yet, as the conversations on feedback.conversations.v1 show them. A bare 1-5 from one
 * of them rates how ops handled them, not the journey: the edge marks it so the journey's CSAT,
 * metrics and alerts leave it out. Read from the compacted topic on a thread of its own; what was
 * just closed may show a moment late, in which case the answer counts as a journey rating (and
 * feedback-streams still keeps it as the service rating too).
 */
public final class PendingFollowUps implements AutoCloseable {
    /** Pending questions: {@code <contactId>|<operatorNumber>} by conversation id, with when the question was asked. */
    private final Map<String, Asked> asked = new ConcurrentHashMap<>();
    private final Duration answerWithin;
    private final Clock clock;
    private final CompactedTopicReader<Conversation> reader;
    private final Thread thread;

    private record Asked(String pair, Instant at) {
    }

    private PendingFollowUps(ContactSettings settings, Duration answerWithin, Clock clock) {
        this.answerWithin = answerWithin;
        this.clock = clock;
        this.reader = settings == null ? null : new CompactedTopicReader<>(
                CompactedTopicReader.consumer(settings, Conversation.class), Topics.CONVERSATIONS, this::learn);
        this.thread = reader == null ? null : new Thread(reader, "follow-up-questions-reader");
    }

    /** Nobody is ever waiting to answer: conversations are off (no {@code CONTACT_KEK}). */
    public static PendingFollowUps none() {
        return told(Duration.ZERO, Clock.systemUTC());
    }

    /** Knows only the conversations it is {@link #learn told}; reads no topic. */
    public static PendingFollowUps told(Duration answerWithin, Clock clock) {
        return new PendingFollowUps(null, answerWithin, clock);
    }

    public static PendingFollowUps reading(ContactSettings settings, Duration answerWithin, Clock clock) {
        return new PendingFollowUps(settings, answerWithin, clock);
    }

    public void start() {
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Whether this sender was asked the follow-up question from this number, recently enough, and has not answered. */
    public boolean awaitAnswer(String contactId, String operatorNumber) {
        String pair = contactId + "|" + operatorNumber;
        Instant since = clock.instant().minus(answerWithin);
        asked.values().removeIf(question -> !question.at().isAfter(since)); // never answered: no longer pending
        return asked.values().stream().anyMatch(question -> question.pair().equals(pair) && question.at().isAfter(since));
    }

    /** What a record of feedback.conversations.v1 says: the conversation as it stands, or null when erased. */
    public void learn(String conversationId, Conversation conversation, long offset) {
        if (conversation == null || conversation.getStatus() != ConversationStatus.CLOSED
                || conversation.getServiceRating() != null) {
            asked.remove(conversationId);
            return;
        }
        conversation.getMessages().stream().filter(message -> !message.getInbound() && message.getFollowUp())
                .map(ConversationMessage::getAt).reduce((first, later) -> later)
                .ifPresentOrElse(at -> asked.put(conversationId,
                                new Asked(conversation.getContactId() + "|" + conversation.getOperatorNumber(), at)),
                        () -> asked.remove(conversationId));
    }

    @Override
    public void close() {
        if (reader == null) {
            return;
        }
        if (thread.isAlive()) {
            reader.stop();
        } else {
            reader.closeUnstarted();
        }
    }
}
