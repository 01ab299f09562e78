package org.instantfeedback.streams.query;

import java.util.List;
import org.apache.kafka.streams.state.QueryableStoreType;

/**
 * Finds the instance that holds a key, or all instances that hold a store, and opens this
 * instance's part of a store. A seam: Kafka Streams' metadata in the app
 * ({@link KafkaStreamsLocator}), a single TopologyTestDriver in tests.
 */
public interface StoreLocator {
    /**
     * The instance where the key's partition is active.
     *
     * @throws QueryUnavailableException while that is not known (starting, rebalancing)
     */
    Placement placementOf(String store, String key);

    /**
     * Every instance holding active partitions of the store, together covering all partitions of
     * its source topic.
     *
     * @throws QueryUnavailableException when some partition has no active instance right now
     */
    List<Placement> placementsOf(String store, String sourceTopic);

    /**
     * This instance's partition of the store.
     *
     * @throws QueryUnavailableException when the partition is not active here (moved, restoring)
     */
    <T> T localStore(String store, QueryableStoreType<T> type, int partition);
}
