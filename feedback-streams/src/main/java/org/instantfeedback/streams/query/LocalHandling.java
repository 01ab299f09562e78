package org.instantfeedback.streams.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.instantfeedback.streams.handling.HandlingFigures;
import org.instantfeedback.streams.handling.HandlingKey;
import org.instantfeedback.streams.handling.HandlingSlice;
import org.instantfeedback.streams.handling.HandlingTopology;
import org.instantfeedback.streams.handling.HandlingWindows;

/** Reads this instance's part of the handling slices: a key's figures now and their series, and every key of a scope. */
public final class LocalHandling {
    private final StoreLocator locator;
    private final Clock clock;

    public LocalHandling(StoreLocator locator, Clock clock) {
        this.locator = locator;
        this.clock = clock;
    }

    /** A key's figures over the window ending now (or at {@code at}), with the series of windows before it. */
    public Optional<HandlingView> one(HandlingKey key, Duration window, Instant at) {
        Placement placement = locator.placementOf(HandlingTopology.SLICE_STORE, key.toString());
        if (!placement.local()) {
            throw new QueryUnavailableException("'" + key + "' moved to " + placement.host() + " while it was asked for");
        }
        ReadOnlyWindowStore<String, HandlingSlice> slices = store(placement.partitions().iterator().next());
        Instant end = at == null ? clock.instant() : at;
        List<HandlingFigures> series = HandlingWindows.series(slices, key.toString(), window, end);
        if (series.stream().allMatch(HandlingFigures::measuredNothing)) {
            return Optional.empty();
        }
        return Optional.of(new HandlingView(key.scope(), key.id(), series.get(series.size() - 1), series, null, null));
    }

    /** The figures over the window ending now of every key of the scope with slices in that window, in these partitions. */
    public List<HandlingView> all(String scope, Duration window, Set<Integer> partitions) {
        Instant end = clock.instant();
        List<HandlingView> views = new ArrayList<>();
        for (int partition : partitions) {
            ReadOnlyWindowStore<String, HandlingSlice> slices = store(partition);
            Set<String> keys = new TreeSet<>();
            try (KeyValueIterator<Windowed<String>, HandlingSlice> inWindow =
                         slices.fetchAll(end.minus(window).plusMillis(1), end)) {
                inWindow.forEachRemaining(slice -> keys.add(slice.key.key()));
            }
            for (String text : keys) {
                HandlingKey key = HandlingKey.parse(text).orElse(null);
                if (key != null && key.scope().equals(scope)) {
                    HandlingFigures figures = HandlingWindows.sum(slices, text, window, end);
                    views.add(new HandlingView(key.scope(), key.id(), figures, List.of(), null, null));
                }
            }
        }
        return views;
    }

    private ReadOnlyWindowStore<String, HandlingSlice> store(int partition) {
        return locator.localStore(HandlingTopology.SLICE_STORE, QueryableStoreTypes.windowStore(), partition);
    }
}
