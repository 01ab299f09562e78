package org.instantfeedback.streams.query;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.instantfeedback.config.Topics;
import org.instantfeedback.streams.feedback.EventSerdes;
import org.instantfeedback.streams.state.KeepLatestPerKey;

/**
 * The stores the query API reads, filled from what the alerting part publishes:
 * <ul>
 *   <li>{@value #METRICS_LATEST_STORE}: the latest figures per {@code <scope>:<id>:<window>} key, read
 *       from the compacted {@code feedback.metrics.latest.v1}, which is also the store's changelog
 *       (a read-only store: restoring it reads the topic, and no changelog of its own is written);</li>
 *   <li>{@value #METRICS_HISTORY_STORE}: the same figures by the end of their window, one per key and
 *       minute, for the series of a subject; kept for the series span;</li>
 *   <li>{@value #ALERTS_STORE}: the latest event of every alert of {@code feedback.alerts.v1} by
 *       alertId; resolved alerts are dropped after the retention ({@link RememberAlerts}).</li>
 * </ul>
 * Added to the application topology with the Processor API, as sub-topologies of their own: they
 * read the output topics, so they are partitioned like them and an instance answers for the keys
 * of the partitions it holds.
 */
public final class QueryTopology {
    public static final String METRICS_SOURCE = "query.metrics.source.v1";
    public static final String REMEMBER_METRICS = "query.remember-metrics.v1";
    public static final String METRICS_LATEST_SOURCE = "query.metrics-latest.source.v1";
    public static final String KEEP_LATEST_METRICS = "query.keep-latest-metrics.v1";
    public static final String METRICS_LATEST_STORE = "query.metrics-latest.v1";
    public static final String METRICS_HISTORY_STORE = "query.metrics-history.v1";
    public static final String ALERTS_SOURCE = "query.alerts.source.v1";
    public static final String REMEMBER_ALERTS = "query.remember-alerts.v1";
    public static final String ALERTS_STORE = "query.alerts.v1";
    /** Figures arrive at most once a minute per key that matters: the end of a trailing window moves by minutes. */
    static final Duration HISTORY_STEP = Duration.ofMinutes(1);

    private QueryTopology() {
    }

    /**
     * Adds the query stores to the application topology.
     *
     * @param seriesSpan             how long the history of figures is kept
     * @param resolvedAlertRetention how long resolved alerts stay in the store
     */
    public static Topology addTo(Topology topology, EventSerdes serdes, Duration seriesSpan,
                                 Duration resolvedAlertRetention) {
        topology.addSource(METRICS_SOURCE, new StringDeserializer(), serdes.metrics().deserializer(), Topics.METRICS);
        topology.addProcessor(REMEMBER_METRICS, RememberMetrics::new, METRICS_SOURCE);
        // The compacted topic is the store's changelog: a changelog of its own would be a third copy
        // of every metrics update (0.73 records per input record in the benchmark).
        topology.addReadOnlyStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(METRICS_LATEST_STORE), Serdes.String(), serdes.metrics())
                        .withLoggingDisabled(), METRICS_LATEST_SOURCE, new StringDeserializer(),
                serdes.metrics().deserializer(), Topics.METRICS_LATEST, KEEP_LATEST_METRICS,
                () -> new KeepLatestPerKey<>(METRICS_LATEST_STORE));
        // Joined to the history's tasks (the two topics are keyed and partitioned alike), so the
        // instance holding a key's series also holds its latest figures.
        topology.connectProcessorAndStateStores(REMEMBER_METRICS, METRICS_LATEST_STORE);
        // Retention beyond the span by one step, so the oldest point of a full series is still there.
        topology.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(METRICS_HISTORY_STORE,
                        seriesSpan.plus(HISTORY_STEP), HISTORY_STEP, false), Serdes.String(), serdes.metrics()),
                REMEMBER_METRICS);

        topology.addSource(ALERTS_SOURCE, new StringDeserializer(), serdes.alerts().deserializer(), Topics.ALERTS);
        topology.addProcessor(REMEMBER_ALERTS, () -> new RememberAlerts(resolvedAlertRetention), ALERTS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTS_STORE),
                Serdes.String(), serdes.alerts()), REMEMBER_ALERTS);
        return topology;
    }
}
