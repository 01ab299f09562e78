package org.instantfeedback.benchmarks.pipeline;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.PolicyViolationException;

/** The few admin operations the benchmarks need: offsets, lag of a group, emptying a topic. */
final class KafkaTopics implements AutoCloseable {
    private final Admin admin;

    KafkaTopics(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    void create(String topic, int partitions) throws ExecutionException, InterruptedException {
        if (!admin.listTopics().names().get().contains(topic)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    /** Turns time-based retention off for these topics ({@code retention.ms=-1}). */
    void keepForever(Collection<String> topics) throws ExecutionException, InterruptedException {
        AlterConfigOp keep = new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"), AlterConfigOp.OpType.SET);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        topics.forEach(topic -> changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(keep)));
        admin.incrementalAlterConfigs(changes).all().get();
    }

    List<TopicPartition> partitions(String topic) throws ExecutionException, InterruptedException {
        return admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
        return offsets(topic, OffsetSpec.latest());
    }

    Map<TopicPartition, Long> startOffsets(String topic) throws ExecutionException, InterruptedException {
        return offsets(topic, OffsetSpec.earliest());
    }

    private Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = partitions(topic).stream()
                .collect(Collectors.toMap(partition -> partition, partition -> spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request,
                new org.apache.kafka.clients.admin.ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get();
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /** Records in the topic now (end minus start offsets). */
    long size(String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> start = startOffsets(topic);
        return endOffsets(topic).entrySet().stream().mapToLong(end -> end.getValue() - start.get(end.getKey())).sum();
    }

    /** Records of {@code topic} not yet committed by consumer group {@code group}. */
    long lag(String group, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> start = startOffsets(topic);
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : endOffsets(topic).entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            long position = offset == null ? start.get(end.getKey()) : offset.offset();
            lag += Math.max(0, end.getValue() - position);
        }
        return lag;
    }

    /** The sum of the end offsets of every partition of every topic: what was ever written, markers included. */
    /** The end offsets of every topic summed over its partitions, by topic: what the brokers
     *  hold of the application (its changelogs and repartition topics included), not Kafka's own topics. */
    Map<String, Long> recordsByTopic() throws ExecutionException, InterruptedException {
        Map<String, Long> records = new TreeMap<>();
        for (String topic : admin.listTopics().names().get()) {
            records.put(topic, endOffsets(topic).values().stream().mapToLong(Long::longValue).sum());
        }
        return records;
    }

    /** Deletes every record now in the topic, so the next reader from the beginning sees only what follows. */
    void empty(String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
        endOffsets(topic).forEach((partition, end) -> delete.put(partition, RecordsToDelete.beforeOffset(end)));
        admin.deleteRecords(delete).all().get();
    }

    /**
     * Empties a compacted topic: the broker refuses to delete records of a compacted topic, so its
     * policy is "delete" while the records go, and "compact" again after.
     */
    void emptyCompacted(String topic) throws ExecutionException, InterruptedException {
        cleanupPolicy(topic, TopicConfig.CLEANUP_POLICY_DELETE);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    empty(topic);
                    return;
                } catch (ExecutionException e) {
                    // The new policy reaches the partition's log a moment after the admin call returns.
                    if (!(e.getCause() instanceof PolicyViolationException) || attempt == 50) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        } finally {
            cleanupPolicy(topic, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    private void cleanupPolicy(String topic, String policy) throws ExecutionException, InterruptedException {
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, policy),
                        AlterConfigOp.OpType.SET)))).all().get();
    }

    @Override
    public void close() {
        admin.close();
    }
}
