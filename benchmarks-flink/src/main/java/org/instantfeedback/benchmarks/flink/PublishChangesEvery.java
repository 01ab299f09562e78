package org.instantfeedback.benchmarks.flink;

import java.time.Duration;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Fires a window once per interval of processing time while it changes, and once more when it
 * closes: what feedback-streams publishes, where its record cache holds each changed window until
 * the commit every 100 ms and then sends it once. Flink's own triggers fire either only at the
 * close (the default) or at every interval whether the window changed or not.
 */
final class PublishChangesEvery extends Trigger<Object, TimeWindow> {
    private final long intervalMillis;
    /** The processing time of the pending firing, while one is pending. */
    private final ValueStateDescriptor<Long> pending = new ValueStateDescriptor<>("pending-firing", Types.LONG);

    PublishChangesEvery(Duration interval) {
        this.intervalMillis = interval.toMillis();
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext context)
            throws Exception {
        context.registerEventTimeTimer(window.maxTimestamp());
        ValueState<Long> firing = context.getPartitionedState(pending);
        if (firing.value() == null) {
            long at = context.getCurrentProcessingTime() + intervalMillis;
            context.registerProcessingTimeTimer(at);
            firing.update(at);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext context) throws Exception {
        context.getPartitionedState(pending).clear();
        return TriggerResult.FIRE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext context) {
        return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public void clear(TimeWindow window, TriggerContext context) throws Exception {
        context.deleteEventTimeTimer(window.maxTimestamp());
        ValueState<Long> firing = context.getPartitionedState(pending);
        if (firing.value() != null) {
            context.deleteProcessingTimeTimer(firing.value());
            firing.clear();
        }
    }
}
