package org.instantfeedback.benchmarks.flink;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes each feedback on once, keyed by {@code eventId}: a copy received less than the horizon
 * before or after the first copy is dropped, the rule of feedback-streams' DeduplicateFeedback
 * (time is {@code receivedAt}, our servers' clock, carried in the record). The first copy's
 * {@code receivedAt} is kept in keyed state that expires a horizon after it was written: Flink's
 * state TTL runs on processing time only, where feedback-streams' store drops event ids a horizon
 * of stream time after them; on a replay faster than real time Flink therefore keeps more ids,
 * never fewer, so it drops the same copies.
 */
final class DeduplicateByEventId extends KeyedProcessFunction<String, ReceivedFeedback, ReceivedFeedback> {
    private static final long serialVersionUID = 1L;

    private final Duration horizon;
    private transient ValueState<Long> firstCopyReceivedAt;

    DeduplicateByEventId(Duration horizon) {
        this.horizon = horizon;
    }

    @Override
    public void open(OpenContext context) {
        ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("first-copy-received-at", Types.LONG);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(horizon)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        firstCopyReceivedAt = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(ReceivedFeedback feedback, Context context, Collector<ReceivedFeedback> out)
            throws Exception {
        Long first = firstCopyReceivedAt.value();
        if (first != null && Math.abs(feedback.receivedAt - first) < horizon.toMillis()) {
            return;
        }
        firstCopyReceivedAt.update(feedback.receivedAt);
        out.collect(feedback);
    }
}
