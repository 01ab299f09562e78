package org.instantfeedback.streams.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;

/**
 * Keeps the latest event of every alert by alertId, and forgets resolved alerts once they have
 * been resolved for the retention (checked by wall clock every minute), so the store holds what
 * ops still look at rather than every alert ever raised.
 */
final class RememberAlerts implements Processor<String, FeedbackAlert, Void, Void> {
    static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final Duration resolvedRetention;
    private KeyValueStore<String, FeedbackAlert> alerts;

    RememberAlerts(Duration resolvedRetention) {
        this.resolvedRetention = resolvedRetention;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        alerts = context.getStateStore(QueryTopology.ALERTS_STORE);
        context.schedule(PRUNE_EVERY, PunctuationType.WALL_CLOCK_TIME,
                now -> forgetResolvedBefore(Instant.ofEpochMilli(now).minus(resolvedRetention)));
    }

    @Override
    public void process(Record<String, FeedbackAlert> record) {
        FeedbackAlert alert = record.value();
        if (alert == null) {
            return;
        }
        alerts.put(alert.getAlertId(), alert);
    }

    private void forgetResolvedBefore(Instant cutOff) {
        List<String> forgotten = new ArrayList<>();
        try (KeyValueIterator<String, FeedbackAlert> all = alerts.all()) {
            while (all.hasNext()) {
                KeyValue<String, FeedbackAlert> entry = all.next();
                FeedbackAlert alert = entry.value;
                if (alert.getType() == FeedbackAlertEventType.RESOLVED
                        && (alert.getResolvedAt() == null ? alert.getEventAt() : alert.getResolvedAt()).isBefore(cutOff)) {
                    forgotten.add(entry.key);
                }
            }
        }
        forgotten.forEach(alerts::delete);
    }
}
