package org.instantfeedback.streams.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;

/**
 * Kafka Streams' own answer to where keys live ({@code application.server} metadata). Refuses to
 * answer unless Kafka Streams is RUNNING, so a rebalance yields "ask again" rather than figures
 * from a partial view.
 */
public final class KafkaStreamsLocator implements StoreLocator {
    private static final StringSerializer KEYS = new StringSerializer();

    private final Supplier<KafkaStreams> streams;
    private final Supplier<HostInfo> self;
    private final ToIntFunction<String> partitionCount;

    /**
     * @param streams        the running Kafka Streams (null before it is created)
     * @param self           this instance's {@code application.server} (known once it started)
     * @param partitionCount the number of partitions of a topic, to check that every one is covered
     */
    public KafkaStreamsLocator(Supplier<KafkaStreams> streams, Supplier<HostInfo> self,
                               ToIntFunction<String> partitionCount) {
        this.streams = streams;
        this.self = self;
        this.partitionCount = partitionCount;
    }

    @Override
    public Placement placementOf(String store, String key) {
        KafkaStreams running = running();
        KeyQueryMetadata metadata;
        try {
            metadata = running.queryMetadataForKey(store, key, KEYS);
        } catch (StreamsException e) {
            throw new QueryUnavailableException("the owner of '" + key + "' is not known yet", e);
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
                || metadata.activeHost() == null || metadata.activeHost().port() < 0) {
            throw new QueryUnavailableException("the owner of '" + key + "' in " + store + " is not known right now");
        }
        return new Placement(metadata.activeHost(), self.get().equals(metadata.activeHost()),
                Set.of(metadata.partition()));
    }

    @Override
    public List<Placement> placementsOf(String store, String sourceTopic) {
        KafkaStreams running = running();
        List<Placement> placements = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        for (StreamsMetadata instance : running.streamsMetadataForStore(store)) {
            Set<Integer> partitions = new HashSet<>();
            for (TopicPartition partition : instance.topicPartitions()) {
                if (partition.topic().equals(sourceTopic)) {
                    partitions.add(partition.partition());
                }
            }
            if (!partitions.isEmpty()) {
                placements.add(new Placement(instance.hostInfo(), self.get().equals(instance.hostInfo()), partitions));
                covered.addAll(partitions);
            }
        }
        int expected = partitionCount.applyAsInt(sourceTopic);
        if (covered.size() < expected) {
            throw new QueryUnavailableException(covered.size() + " of the " + expected + " partitions of " + sourceTopic
                    + " have an instance right now");
        }
        return placements;
    }

    @Override
    public <T> T localStore(String store, QueryableStoreType<T> type, int partition) {
        try {
            return running().store(StoreQueryParameters.fromNameAndType(store, type).withPartition(partition));
        } catch (InvalidStateStoreException e) {
            throw new QueryUnavailableException("partition " + partition + " of " + store
                    + " is not queryable on this instance right now", e);
        }
    }

    private KafkaStreams running() {
        KafkaStreams current = streams.get();
        KafkaStreams.State state = current == null ? KafkaStreams.State.CREATED : current.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new QueryUnavailableException("Kafka Streams is " + state + ", not RUNNING");
        }
        return current;
    }
}
