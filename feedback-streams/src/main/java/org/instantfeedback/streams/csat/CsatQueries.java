package org.instantfeedback.streams.csat;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Reads CSAT figures from this instance's slice store {@value CsatTopology#SLICE_STORE}
 * (interactive queries), a window's figures summed from its slices ({@link CsatSlices}), whether
 * or not feedback.csat.v1 is written. Only the subjects
 * whose partitions this instance holds are found here; a query API spanning several instances
 * would ask {@code KafkaStreams#queryMetadataForKey} which instance holds a subject.
 */
public final class CsatQueries {
    private final CsatWindowSpec windows;
    private final Supplier<ReadOnlyWindowStore<String, CsatTally>> store;

    public CsatQueries(CsatWindowSpec windows, Supplier<ReadOnlyWindowStore<String, CsatTally>> store) {
        this.windows = windows;
        this.store = store;
    }

    /** Queries the local store of the {@link KafkaStreams} running when a query comes. */
    public static CsatQueries of(Supplier<KafkaStreams> streams, CsatWindowSpec windows) {
        return new CsatQueries(windows, () -> streams.get().store(
                StoreQueryParameters.fromNameAndType(CsatTopology.SLICE_STORE, QueryableStoreTypes.windowStore())));
    }

    /**
     * The figures of the window covering the full trailing window size up to {@code at}, if anything
     * was rated in it.
     *
     * @throws CsatStoreUnavailableException while the store cannot be queried (starting, rebalancing,
     *                                       restoring, shutting down)
     */
    public Optional<CsatFigures> currentWindow(String subject, Instant at) {
        Instant windowStart = windows.currentWindowStart(at);
        Optional<CsatTally> tally;
        try {
            tally = CsatSlices.of(windows, store.get()).window(subject, windowStart.toEpochMilli());
        } catch (InvalidStateStoreException e) {
            throw new CsatStoreUnavailableException(e);
        }
        return tally.map(t -> t.figures(subject, windowStart, windows.windowEnd(windowStart)));
    }
}
