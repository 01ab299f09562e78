package org.instantfeedback.streams.query;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.instantfeedback.events.FeedbackMetrics;

/**
 * Keeps each key's figures by the end of their window (the last update of a minute wins), for the
 * series of the query API.
 */
final class RememberMetrics implements Processor<String, FeedbackMetrics, Void, Void> {
    private WindowStore<String, FeedbackMetrics> history;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        history = context.getStateStore(QueryTopology.METRICS_HISTORY_STORE);
    }

    @Override
    public void process(Record<String, FeedbackMetrics> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        history.put(record.key(), record.value(), record.value().getWindowEnd().toEpochMilli());
    }
}
