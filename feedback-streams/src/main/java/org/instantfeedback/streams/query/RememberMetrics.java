package org.instantfeedback.streams.query;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.instantfeedback.events.FeedbackMetrics;

/**
 * Keeps the latest figures per key, and each key's figures by the end of their window (the last
 * update of a minute wins), for the query API.
 */
final class RememberMetrics implements Processor<String, FeedbackMetrics, Void, Void> {
    private KeyValueStore<String, FeedbackMetrics> latest;
    private WindowStore<String, FeedbackMetrics> history;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        latest = context.getStateStore(QueryTopology.METRICS_LATEST_STORE);
        history = context.getStateStore(QueryTopology.METRICS_HISTORY_STORE);
    }

    @Override
    public void process(Record<String, FeedbackMetrics> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        latest.put(record.key(), record.value());
        history.put(record.key(), record.value(), record.value().getWindowEnd().toEpochMilli());
    }
}
