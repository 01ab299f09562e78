package org.instantfeedback.streams.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackMetrics;
import org.instantfeedback.streams.csat.CsatFigures;
import org.instantfeedback.streams.csat.CsatQueries;
import org.instantfeedback.streams.csat.CsatTopology;

/**
 * Reads this instance's part of the query stores, and only partitions that are active here: a
 * key that lives elsewhere, or a partition that moved, is "ask again" rather than "not found".
 */
public final class LocalReads {
    private final StoreLocator locator;
    private final CsatQueries csat;
    private final Duration seriesSpan;

    public LocalReads(StoreLocator locator, CsatQueries csat, Duration seriesSpan) {
        this.locator = locator;
        this.csat = csat;
        this.seriesSpan = seriesSpan;
    }

    /** The latest figures of every key in the given partitions of feedback.metrics.v1. */
    public List<ScopedFigures> metrics(Set<Integer> partitions) {
        List<ScopedFigures> figures = new ArrayList<>();
        for (int partition : partitions) {
            ReadOnlyKeyValueStore<String, FeedbackMetrics> store = locator.localStore(
                    QueryTopology.METRICS_LATEST_STORE, QueryableStoreTypes.keyValueStore(), partition);
            try (KeyValueIterator<String, FeedbackMetrics> all = store.all()) {
                all.forEachRemaining(entry -> figures.add(ScopedFigures.of(entry.value)));
            }
        }
        return figures;
    }

    /** Every alert remembered in the given partitions of feedback.alerts.v1. */
    public List<AlertView> alerts(Set<Integer> partitions) {
        List<AlertView> alerts = new ArrayList<>();
        for (int partition : partitions) {
            ReadOnlyKeyValueStore<String, FeedbackAlert> store = locator.localStore(
                    QueryTopology.ALERTS_STORE, QueryableStoreTypes.keyValueStore(), partition);
            try (KeyValueIterator<String, FeedbackAlert> all = store.all()) {
                all.forEachRemaining(entry -> alerts.add(AlertView.of(entry.value)));
            }
        }
        return alerts;
    }

    /**
     * The figures of a metrics key ({@code subject:route-42:PT15M}) as of a moment (null: the latest),
     * and the series of the span before them.
     */
    public Optional<SubjectSeries> series(String key, Instant at) {
        int partition = localPartition(QueryTopology.METRICS_LATEST_STORE, key);
        FeedbackMetrics current = at == null ? latest(key, partition) : asOf(key, at, partition);
        if (current == null) {
            return Optional.empty();
        }
        ReadOnlyWindowStore<String, FeedbackMetrics> history = locator.localStore(
                QueryTopology.METRICS_HISTORY_STORE, QueryableStoreTypes.windowStore(), partition);
        Instant end = current.getWindowEnd();
        List<Figures> series = new ArrayList<>();
        try (WindowStoreIterator<FeedbackMetrics> points = history.fetch(key, end.minus(seriesSpan), end)) {
            points.forEachRemaining(point -> series.add(Figures.of(point.value)));
        }
        if (series.isEmpty() || !series.get(series.size() - 1).windowEnd().equals(end)) {
            series.add(Figures.of(current));
        }
        return Optional.of(new SubjectSeries(Figures.of(current), series));
    }

    public Optional<AlertView> alert(String alertId) {
        int partition = localPartition(QueryTopology.ALERTS_STORE, alertId);
        ReadOnlyKeyValueStore<String, FeedbackAlert> store = locator.localStore(
                QueryTopology.ALERTS_STORE, QueryableStoreTypes.keyValueStore(), partition);
        return Optional.ofNullable(store.get(alertId)).map(AlertView::of);
    }

    /** The hopping CSAT window of a subject covering the moment, summed from its slices. */
    public Optional<CsatFigures> csat(String subject, Instant at) {
        localPartition(CsatTopology.SLICE_STORE, subject);
        return csat.currentWindow(subject, at);
    }

    private FeedbackMetrics latest(String key, int partition) {
        ReadOnlyKeyValueStore<String, FeedbackMetrics> store = locator.localStore(
                QueryTopology.METRICS_LATEST_STORE, QueryableStoreTypes.keyValueStore(), partition);
        return store.get(key);
    }

    private FeedbackMetrics asOf(String key, Instant at, int partition) {
        ReadOnlyWindowStore<String, FeedbackMetrics> history = locator.localStore(
                QueryTopology.METRICS_HISTORY_STORE, QueryableStoreTypes.windowStore(), partition);
        try (WindowStoreIterator<FeedbackMetrics> points = history.backwardFetch(key, at.minus(seriesSpan), at)) {
            if (points.hasNext()) {
                KeyValue<Long, FeedbackMetrics> newest = points.next();
                return newest.value;
            }
        }
        return null;
    }

    private int localPartition(String store, String key) {
        Placement placement = locator.placementOf(store, key);
        if (!placement.local()) {
            throw new QueryUnavailableException("'" + key + "' moved to " + placement.host() + " while it was asked for");
        }
        return placement.partitions().iterator().next();
    }
}
