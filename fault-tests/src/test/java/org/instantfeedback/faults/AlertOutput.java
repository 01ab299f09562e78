package org.instantfeedback.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;

/**
 * The committed alert events on feedback.alerts.v1, and the two ways a crash could show in them:
 * an event written twice (same eventId) or an alert opened twice (two OPENED for one alertId).
 */
record AlertOutput(long events, long alerts, long duplicateEventIds, long alertsOpenedMoreThanOnce) {

    static AlertOutput read(Clients clients, String subjectPrefix) {
        List<ConsumerRecord<String, FeedbackAlert>> records =
                TopicContents.readAll(clients.avroReader(Topics.ALERTS, FeedbackAlert.class));
        Map<String, Integer> byEventId = new HashMap<>();
        Map<String, Integer> openings = new HashMap<>();
        long events = 0;
        for (ConsumerRecord<String, FeedbackAlert> record : records) {
            FeedbackAlert alert = record.value();
            if (!alert.getSubject().startsWith(subjectPrefix)) {
                continue;
            }
            events++;
            byEventId.merge(alert.getEventId(), 1, Integer::sum);
            if (alert.getType() == FeedbackAlertEventType.OPENED) {
                openings.merge(alert.getAlertId(), 1, Integer::sum);
            }
        }
        return new AlertOutput(events, openings.size(),
                byEventId.values().stream().filter(n -> n > 1).count(),
                openings.values().stream().filter(n -> n > 1).count());
    }
}
