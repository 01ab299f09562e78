package org.instantfeedback.streams.csat;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The figures of a hopping window, summed from the slices of the slice store
 * ({@value CsatTopology#SLICE_STORE}): the one way both the feedback.csat.v2 publisher and the
 * query API read a window, so they cannot disagree.
 *
 * @param <V> how the store hands out a slice: the tally itself to interactive queries, the tally
 *            with its timestamp to a processor of the topology
 */
public final class CsatSlices<V> {
    private final CsatWindowSpec windows;
    private final ReadOnlyWindowStore<String, V> store;
    private final Function<V, CsatTally> tally;

    private CsatSlices(CsatWindowSpec windows, ReadOnlyWindowStore<String, V> store, Function<V, CsatTally> tally) {
        this.windows = windows;
        this.store = store;
        this.tally = tally;
    }

    /** The slices as interactive queries see them. */
    public static CsatSlices<CsatTally> of(CsatWindowSpec windows, ReadOnlyWindowStore<String, CsatTally> store) {
        return new CsatSlices<>(windows, store, Function.identity());
    }

    /** The slices as a processor connected to the store sees them. */
    static CsatSlices<ValueAndTimestamp<CsatTally>> ofTimestamped(
            CsatWindowSpec windows, ReadOnlyWindowStore<String, ValueAndTimestamp<CsatTally>> store) {
        return new CsatSlices<>(windows, store, ValueAndTimestamp::getValueOrNull);
    }

    /**
     * The tally of the window starting at {@code windowStart}, if anything was rated in it.
     *
     * <p>Read with the key-range fetch (from the subject to itself), not the single-key one: in
     * Kafka Streams 4.3 the single-key fetch of a caching window store is {@code synchronized} on
     * the store and then takes the record cache's lock, while the publisher is called during the
     * cache's flush, holding the cache's lock; a query thread in the single-key fetch at that
     * moment deadlocked with it (seen in RebalanceIT). The key-range fetch takes no store lock.
     */
    public Optional<CsatTally> window(String subject, long windowStart) {
        CsatTally sum = null;
        try (KeyValueIterator<Windowed<String>, V> slices = store.fetch(subject, subject,
                Instant.ofEpochMilli(windows.firstSliceOf(windowStart)), Instant.ofEpochMilli(windows.lastSliceOf(windowStart)))) {
            while (slices.hasNext()) {
                CsatTally slice = tally.apply(slices.next().value);
                if (slice != null) {
                    sum = sum == null ? slice : sum.plus(slice);
                }
            }
        }
        return Optional.ofNullable(sum);
    }
}
