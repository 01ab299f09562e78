package org.instantfeedback.streams.csat;

import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Hands the slice aggregation each rating at its own event time, except a rating too late for
 * every hopping window that contains it: that one goes at the start of its advance, in a slice
 * already closed, so Kafka Streams drops it and counts it in {@code dropped-records}, exactly as the
 * hopping windows did (see {@link CsatWindowSpec#sliceGrace()} for why one slice grace cannot do
 * this alone when the advance is not a divisor of the size). Stream time is tracked as the slice
 * aggregation tracks it, the highest event time passed on, so both agree on what is closed.
 */
final class PlaceTooLateRatings extends ContextualFixedKeyProcessor<String, CsatTally, CsatTally> {
    private final CsatWindowSpec windows;
    private long observedStreamTime = Long.MIN_VALUE;

    PlaceTooLateRatings(CsatWindowSpec windows) {
        this.windows = windows;
    }

    @Override
    public void process(FixedKeyRecord<String, CsatTally> record) {
        observedStreamTime = Math.max(observedStreamTime, record.timestamp());
        context().forward(record.withTimestamp(windows.placementForTooLate(record.timestamp(), observedStreamTime)));
    }
}
