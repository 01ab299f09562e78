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
 * Turns each change of a subject's slice into the subject's current rolling window for
 * feedback.csat.v2: the hopping window that holds the slice of the task's stream time and ends
 * earliest ({@link CsatWindowSpec#currentWindowStart(long)}), summed from its slices in
 * {@value CsatTopology#SLICE_STORE}. With the record cache the changes arrive once per changed slice
 * per commit, when the cache is flushed, so the sum already holds every rating of the commit.
 *
 * <p>A change to a slice outside the current window (a late rating for an older window) publishes
 * nothing: the query API shows it, and v2 never goes back in time. A second change of one subject
 * in the same commit finds the same window with the same figures and publishes nothing either
 * ({@link LastPublishedWindows}).
 */
final class PublishCurrentWindow extends ContextualProcessor<Windowed<String>, CsatTally, String, CsatWindow> {
    private final CsatWindowSpec windows;
    private final LastPublishedWindows lastPublished;
    private CsatSlices<ValueAndTimestamp<CsatTally>> slices;

    PublishCurrentWindow(CsatWindowSpec windows, int rememberedSubjects) {
        this.windows = windows;
        this.lastPublished = new LastPublishedWindows(rememberedSubjects);
    }

    @Override
    public void init(ProcessorContext<String, CsatWindow> context) {
        super.init(context);
        slices = CsatSlices.ofTimestamped(windows, context.getStateStore(CsatTopology.SLICE_STORE));
    }

    @Override
    public void process(Record<Windowed<String>, CsatTally> change) {
        if (change.value() == null) {
            return;
        }
        String subject = change.key().key();
        long windowStart = windows.currentWindowStart(Math.max(0L, context().currentStreamTimeMs()));
        if (!windows.windowHoldsSlice(windowStart, change.key().window().start())) {
            return;
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
