package org.instantfeedback.embedded;

import java.util.Map;
import java.util.Set;

/**
 * A running Kafka broker and a schema registry with the Confluent REST API, as tests and the local
 * run see them, whatever runs them (in this JVM, or Docker containers).
 */
public interface KafkaAndRegistry {

    /** Value for the clients' {@code bootstrap.servers}. */
    String bootstrapServers();

    /** Value for {@code schema.registry.url}: the registry's Confluent-compatible API. */
    String schemaRegistryUrl();

    /** Takes the broker down; clients cannot reach it until {@link #startBroker()}. */
    void stopBroker();

    /**
     * Brings a stopped broker back on the same address, with the data it had; does nothing when the
     * broker runs.
     */
    void startBroker();

    /**
     * Creates topics (name to partition count, replication factor 1); existing topics are left as
     * they are.
     */
    default void createTopics(Map<String, Integer> partitionsByTopic) {
        createTopics(partitionsByTopic, Set.of());
    }

    /** As {@link #createTopics(Map)}, with the topics in {@code compacted} created compacted. */
    default void createTopics(Map<String, Integer> partitionsByTopic, Set<String> compacted) {
        createTopics(partitionsByTopic, compacted, Map.of());
    }

    /** As above, with further topic settings ({@code segment.ms}, ...) for some topics. */
    default void createTopics(Map<String, Integer> partitionsByTopic, Set<String> compacted,
                              Map<String, Map<String, String>> settingsByTopic) {
        TopicCreation.create(bootstrapServers(), partitionsByTopic, compacted, settingsByTopic);
    }
}
