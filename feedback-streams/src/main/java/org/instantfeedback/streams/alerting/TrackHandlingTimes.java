package org.instantfeedback.streams.alerting;

import java.util.Locale;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertHandling;

/**
 * Time to acknowledge and time to resolve per subject (or group) and kind: on every ACKNOWLEDGED
 * and RESOLVED alert event it adds the event's time to its tally ({@value AlertingTopology#HANDLING_STORE})
 * and forwards the new figures keyed {@code <scope>:<id>:<kind>}, for the compacted
 * {@code feedback.alert-handling.v1}.
 *
 * <p>It runs in the task that raised the alert events: they come from the alert state of their
 * subject or group, which lives in that task, so all events of one key meet one tally without a
 * repartition.
 */
final class TrackHandlingTimes extends ContextualProcessor<String, FeedbackAlert, String, FeedbackAlertHandling> {
    private KeyValueStore<String, byte[]> tallies;

    @Override
    public void init(ProcessorContext<String, FeedbackAlertHandling> context) {
        super.init(context);
        tallies = context.getStateStore(AlertingTopology.HANDLING_STORE);
    }

    @Override
    public void process(Record<String, FeedbackAlert> record) {
        FeedbackAlert alert = record.value();
        if (alert == null) {
            return;
        }
        boolean acknowledged = alert.getType() == FeedbackAlertEventType.ACKNOWLEDGED
                && alert.getTimeToAcknowledgeMillis() != null;
        boolean resolved = alert.getType() == FeedbackAlertEventType.RESOLVED && alert.getTimeToResolveMillis() != null;
        if (!acknowledged && !resolved) {
            return;
        }
        String key = key(alert);
        byte[] stored = tallies.get(key);
        HandlingTally tally = stored == null ? HandlingTally.NONE : HandlingTally.decode(stored);
        tally = acknowledged ? tally.acknowledged(alert.getTimeToAcknowledgeMillis())
                : tally.resolved(alert.getTimeToResolveMillis(), alert.getResolution());
        tallies.put(key, tally.encode());
        context().forward(record.withKey(key).withValue(FeedbackAlertHandling.newBuilder()
                .setScope(alert.getScope())
                .setSubject(alert.getSubject())
                .setKind(alert.getKind())
                .setTimeToAcknowledge(tally.acknowledge().toAvro())
                .setTimeToResolve(tally.resolve().toAvro())
                .setResolvedByOps(tally.resolvedByOps())
                .setResolvedAutomatically(tally.resolvedAutomatically())
                .setResolvedByRuleSwitchedOff(tally.resolvedByRuleSwitchedOff())
                .setLastAlertId(alert.getAlertId())
                .setUpdatedAt(alert.getEventAt())
                .build()));
    }

    /** {@code subject:route-42:negative-surge}, the key ops actions use too. */
    static String key(FeedbackAlert alert) {
        return alert.getScope().name().toLowerCase(Locale.ROOT) + ":" + alert.getSubject() + ":"
                + alert.getKind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
