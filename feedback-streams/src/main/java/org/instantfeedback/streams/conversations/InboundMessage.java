package org.instantfeedback.streams.conversations;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;

/**
 * A passenger's message as a conversation keeps it: what they wrote (masked at the edge), how it
 * reads, and where an answer goes. Timed by when the edge received it, since the answers it is
 * measured against are timed by the clock of the instance that took them.
 */
record InboundMessage(String eventId, String subject, StoredAddress address, Instant receivedAt, String text,
                      String sentimentLabel, List<String> topics, boolean urgent) {

    InboundMessage {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** The message of a scored feedback that came with an address to answer; the caller checks there is one. */
    static InboundMessage of(FeedbackScored scored) {
        FeedbackReceived feedback = scored.getFeedback();
        return new InboundMessage(feedback.getEventId(), feedback.getSubject(),
                StoredAddress.of(feedback.getReplyTo()), feedback.getReceivedAt(),
                feedback.getText() == null ? "" : feedback.getText(),
                scored.getSentimentLabel().name(),
                scored.getTopics().stream().map(topic -> topic.name().toUpperCase(Locale.ROOT)).toList(),
                scored.getUrgent());
    }

    String contactId() {
        return address.contactId();
    }
}
