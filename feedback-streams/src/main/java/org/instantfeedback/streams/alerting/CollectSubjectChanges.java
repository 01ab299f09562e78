package org.instantfeedback.streams.alerting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.instantfeedback.alerting.metrics.WindowMetrics;
import org.instantfeedback.alerting.metrics.WindowMetricsCodec;
import org.instantfeedback.events.FeedbackScored;

/**
 * Groups learn from their subjects, not from every response: on the stream keyed by subject,
 * before the repartition by subject or group, each response is merged into what its subject's
 * minute has gained since the last hand-over ({@value AlertingTopology#PENDING_STORE}). Every
 * {@value #HAND_OVERS_PER_COMMIT}th of the commit interval (wall clock) every pending minute goes
 * on, once to the subject and once to each of its groups, so the repartition carries at most one
 * record per subject, minute and hand-over instead of one per response and group. Urgent reports
 * go on at once, on their own, since they are judged one by one.
 *
 * <p>The pending minutes are in a changelogged store, written in the same transaction as the
 * input offsets: a crash between a response and its hand-over loses nothing, the restored store
 * still holds it. The record cache folds a minute's puts and its delete at the hand-over into
 * nothing unless a commit falls between them; handing over several times per commit interval
 * keeps that rare (a first version handed over once per interval and asked for a commit after
 * each: Kafka Streams' own commit timer still fell between, 1.74 changelog records per response).
 */
final class CollectSubjectChanges implements Processor<String, FeedbackScored, String, AlertingInput> {
    private static final Duration EXACTLY_ONCE_COMMIT_INTERVAL = Duration.ofMillis(100);
    private static final int HAND_OVERS_PER_COMMIT = 5;

    private final SubjectHierarchy hierarchy;
    private ProcessorContext<String, AlertingInput> context;
    private KeyValueStore<String, byte[]> pending;

    CollectSubjectChanges(SubjectHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    @Override
    public void init(ProcessorContext<String, AlertingInput> context) {
        this.context = context;
        pending = context.getStateStore(AlertingTopology.PENDING_STORE);
        Duration handOverEvery = commitInterval(context.appConfigs()).dividedBy(HAND_OVERS_PER_COMMIT);
        context.schedule(handOverEvery.isZero() ? Duration.ofMillis(1) : handOverEvery, PunctuationType.WALL_CLOCK_TIME,
                wallClock -> handOver());
    }

    @Override
    public void process(Record<String, FeedbackScored> record) {
        if (record.value() == null) {
            return;
        }
        Observations.observe(record.value()).ifPresent(observation -> collect(record, observation));
    }

    private void collect(Record<String, FeedbackScored> record, FeedbackObservation observation) {
        if (observation.urgent()) {
            context.forward(new Record<>(ScopeKey.subject(observation.subject()).toString(),
                    AlertingInput.report(observation), record.timestamp()));
        }
        String key = pendingKey(observation.subject(),
                BucketedWindows.floor(observation.occurredAt().toEpochMilli(), BucketedWindows.FINE));
        byte[] stored = pending.get(key);
        WindowMetrics added = (stored == null ? WindowMetrics.empty() : WindowMetricsCodec.decode(stored))
                .add(observation);
        pending.put(key, WindowMetricsCodec.encode(added));
    }

    /** Passes every pending minute on to its subject and groups, and empties the store. */
    private void handOver() {
        List<KeyValue<String, byte[]>> minutes = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = pending.all()) {
            all.forEachRemaining(minutes::add);
        }
        for (KeyValue<String, byte[]> minute : minutes) {
            int colon = minute.key.indexOf(':');
            long sliceStart = Long.parseLong(minute.key.substring(0, colon));
            String subject = minute.key.substring(colon + 1);
            WindowMetrics added = WindowMetricsCodec.decode(minute.value);
            // Placed at its newest response, so the slice aggregation downstream puts it in its
            // minute and stream time there moves with event time, as it did per response.
            long timestamp = added.latestEventAt() == null ? sliceStart : added.latestEventAt().toEpochMilli();
            AlertingInput change = AlertingInput.of(new AlertingInput.SliceChange(sliceStart, added));
            context.forward(new Record<>(ScopeKey.subject(subject).toString(), change, timestamp));
            for (String group : hierarchy.groupsOf(subject)) {
                context.forward(new Record<>(ScopeKey.group(group).toString(), change, timestamp));
            }
            pending.delete(minute.key);
        }
    }

    private static String pendingKey(String subject, long sliceStart) {
        return sliceStart + ":" + subject;
    }

    private static Duration commitInterval(Map<String, Object> configs) {
        Object configured = configs.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        return configured == null ? EXACTLY_ONCE_COMMIT_INTERVAL
                : Duration.ofMillis(Long.parseLong(configured.toString()));
    }
}
