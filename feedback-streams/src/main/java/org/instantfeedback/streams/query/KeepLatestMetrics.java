package org.instantfeedback.streams.query;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.instantfeedback.events.FeedbackMetrics;

/**
 * Keeps the latest figures per key of feedback.metrics.latest.v1 in a read-only store of which the
 * topic is the changelog: what is put here is what a restore from the topic puts, so a tombstone
 * deletes.
 */
final class KeepLatestMetrics implements Processor<String, FeedbackMetrics, Void, Void> {
    private KeyValueStore<String, FeedbackMetrics> latest;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        latest = context.getStateStore(QueryTopology.METRICS_LATEST_STORE);
    }

    @Override
    public void process(Record<String, FeedbackMetrics> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            latest.delete(record.key());
        } else {
            latest.put(record.key(), record.value());
        }
    }
}
