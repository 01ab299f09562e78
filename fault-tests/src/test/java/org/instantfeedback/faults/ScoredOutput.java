package org.instantfeedback.faults;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackScored;

/**
 * How often each feedback came out of the pipeline on feedback.scored.v1 (committed records
 * only), where every feedback appears once after deduplication by eventId.
 */
record ScoredOutput(Map<String, Integer> copiesByEventId) {

    static ScoredOutput read(Clients clients, String subjectPrefix) {
        Map<String, Integer> copies = new HashMap<>();
        for (ConsumerRecord<String, FeedbackScored> record
                : TopicContents.readAll(clients.avroReader(Topics.FEEDBACK_SCORED, FeedbackScored.class))) {
            if (record.key() != null && record.key().startsWith(subjectPrefix)) {
                copies.merge(record.value().getFeedback().getEventId(), 1, Integer::sum);
            }
        }
        return new ScoredOutput(copies);
    }

    long missing(Set<String> eventIds) {
        return eventIds.stream().filter(id -> !copiesByEventId.containsKey(id)).count();
    }

    long countedTwice() {
        return copiesByEventId.values().stream().filter(n -> n > 1).count();
    }

    /** Event ids that came out although they are not in {@code eventIds}. */
    long outside(Set<String> eventIds) {
        return copiesByEventId.keySet().stream().filter(id -> !eventIds.contains(id)).count();
    }

    boolean containsAll(Set<String> eventIds) {
        return copiesByEventId.keySet().containsAll(eventIds);
    }
}
