package org.instantfeedback.streams.csat;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.instantfeedback.events.CsatWindow;

/**
 * Turns each change of a subject's slice into a rolling window for feedback.csat.v2: the hopping
 * window that holds the changed slice and ends earliest ({@link CsatWindowSpec#currentWindowStart(long)}),
 * summed from its slices in {@value CsatTopology#SLICE_STORE}. With the record cache the changes
 * arrive once per changed slice per commit, when the cache is flushed (in the order the slices
 * were first changed), so the sum already holds every rating of the commit, and a commit that
 * crosses a slice boundary publishes the closing window with its last minute before the next one.
 *
 * <p>A subject's windows never go back in time ({@link LastPublishedWindows}): a change to a slice
 * older than the last window published republishes that window when it holds the slice (a late
 * rating within it), and publishes nothing otherwise (the query API shows it). A window is not
 * published twice with the same figures.
 */
final class PublishCurrentWindow extends ContextualProcessor<Windowed<String>, CsatTally, String, CsatWindow> {
    private final CsatWindowSpec windows;
    private final int rememberedSubjects;
    private LastPublishedWindows lastPublished;
    private CsatSlices<ValueAndTimestamp<CsatTally>> slices;

    PublishCurrentWindow(CsatWindowSpec windows, int rememberedSubjects) {
        this.windows = windows;
        this.rememberedSubjects = rememberedSubjects;
    }

    @Override
    public void init(ProcessorContext<String, CsatWindow> context) {
        super.init(context);
        // Made afresh here: a task revived after an aborted transaction must publish again.
        lastPublished = new LastPublishedWindows(rememberedSubjects);
        slices = CsatSlices.ofTimestamped(windows, context.getStateStore(CsatTopology.SLICE_STORE));
    }

    @Override
    public void process(Record<Windowed<String>, CsatTally> change) {
        if (change.value() == null) {
            return;
        }
        String subject = change.key().key();
        long sliceStart = change.key().window().start();
        long windowStart = windows.currentWindowStart(Math.max(0L, sliceStart));
        Optional<Instant> last = lastPublished.lastStart(subject);
        if (last.isPresent() && windowStart < last.get().toEpochMilli()) {
            windowStart = last.get().toEpochMilli();
            if (!windows.windowHoldsSlice(windowStart, sliceStart)) {
                return;
            }
        }
        Optional<CsatTally> tally = slices.window(subject, windowStart);
        if (tally.isEmpty()) {
            return;
        }
        Instant start = Instant.ofEpochMilli(windowStart);
        CsatWindow window = tally.get().toCsatWindow(subject, start, windows.windowEnd(start));
        if (lastPublished.publishes(window)) {
            context().forward(change.withKey(subject).withValue(window));
        }
    }
}
