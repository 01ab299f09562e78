package org.instantfeedback.streams.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.instantfeedback.streams.handling.HandlingFigures;
import org.instantfeedback.streams.handling.HandlingKey;
import org.instantfeedback.streams.handling.HandlingSlice;
import org.instantfeedback.streams.handling.HandlingTopology;
import org.instantfeedback.streams.handling.HandlingWindows;
import org.instantfeedback.streams.handling.QueueCounts;

/**
 * Reads this instance's part of the handling slices and counts: a key's figures now and their
 * series, and every key of a scope, each with its open and overdue conversations.
 */
public final class LocalHandling {
    private final StoreLocator locator;
    private final Clock clock;

    public LocalHandling(StoreLocator locator, Clock clock) {
        this.locator = locator;
        this.clock = clock;
    }

    /**
     * A key's figures over the window ending now (or at {@code at}), with the series of windows
     * before it; empty when nothing was measured in the series and none of its conversations waits.
     */
    public Optional<HandlingView> one(HandlingKey key, Duration window, Instant at) {
        Placement placement = locator.placementOf(HandlingTopology.SLICE_STORE, key.toString());
        if (!placement.local()) {
            throw new QueryUnavailableException("'" + key + "' moved to " + placement.host() + " while it was asked for");
        }
        int partition = placement.partitions().iterator().next();
        Instant end = at == null ? clock.instant() : at;
        List<HandlingFigures> series = HandlingWindows.series(slices(partition), key.toString(), window, end);
        QueueCounts counts = counts(queues(partition), key.toString());
        if (series.stream().allMatch(HandlingFigures::measuredNothing) && counts.none()) {
            return Optional.empty();
        }
        return Optional.of(HandlingView.of(key.scope(), key.id(), series.get(series.size() - 1), series, counts));
    }

    /**
     * Every key of the scope, in these partitions, with slices in the window ending now or
     * conversations waiting now: its figures over that window and its counts.
     */
    public List<HandlingView> all(String scope, Duration window, Set<Integer> partitions) {
        Instant end = clock.instant();
        List<HandlingView> views = new ArrayList<>();
        for (int partition : partitions) {
            ReadOnlyWindowStore<String, HandlingSlice> slices = slices(partition);
            ReadOnlyKeyValueStore<String, QueueCounts> queues = queues(partition);
            Set<String> keys = new TreeSet<>();
            try (KeyValueIterator<Windowed<String>, HandlingSlice> inWindow =
                         slices.fetchAll(end.minus(window).plusMillis(1), end)) {
                inWindow.forEachRemaining(slice -> keys.add(slice.key.key()));
            }
            try (KeyValueIterator<String, QueueCounts> ofScope = queues.prefixScan(scope + ":", new StringSerializer())) {
                ofScope.forEachRemaining(entry -> {
                    if (!entry.value.none()) {
                        keys.add(entry.key);
                    }
                });
            }
            for (String text : keys) {
                HandlingKey key = HandlingKey.parse(text).orElse(null);
                if (key != null && key.scope().equals(scope)) {
                    views.add(HandlingView.of(key.scope(), key.id(), HandlingWindows.sum(slices, text, window, end),
                            List.of(), counts(queues, text)));
                }
            }
        }
        return views;
    }

    private static QueueCounts counts(ReadOnlyKeyValueStore<String, QueueCounts> queues, String key) {
        QueueCounts counts = queues.get(key);
        return counts == null ? QueueCounts.NONE : counts;
    }

    private ReadOnlyWindowStore<String, HandlingSlice> slices(int partition) {
        return locator.localStore(HandlingTopology.SLICE_STORE, QueryableStoreTypes.windowStore(), partition);
    }

    private ReadOnlyKeyValueStore<String, QueueCounts> queues(int partition) {
        return locator.localStore(HandlingTopology.QUEUE_STORE, QueryableStoreTypes.keyValueStore(), partition);
    }
}
