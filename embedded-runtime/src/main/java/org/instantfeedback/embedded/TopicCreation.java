package org.instantfeedback.embedded;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics on a single-broker cluster, treating topics that already exist as done, and
 * returns once the broker leads every partition. Topics named as compacted keep the latest record
 * per key forever instead of expiring by age.
 */
final class TopicCreation {

    private static final short REPLICATION_FACTOR = 1;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LEADER_POLL = Duration.ofMillis(50);

    private TopicCreation() {
    }

    static void create(String bootstrapServers, Map<String, Integer> partitionsByTopic, Set<String> compacted,
                       Map<String, Map<String, String>> settingsByTopic) {
        List<NewTopic> topics = partitionsByTopic.entrySet().stream()
                .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), REPLICATION_FACTOR)
                        .configs(settings(topic.getKey(), compacted, settingsByTopic)))
                .toList();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
            admin.createTopics(topics).values().forEach(TopicCreation::awaitCreated);
            awaitLeaders(admin, partitionsByTopic.keySet());
        }
    }

    /**
     * The controller confirms a topic before the broker has taken up its partitions; a producer that
     * writes in between gets NOT_LEADER_OR_FOLLOWER, and an idempotent one can then fail batches
     * with OUT_OF_ORDER_SEQUENCE_NUMBER (seen on a broker in a container). The broker answers
     * describeTopics from what it has taken up, so a leader for every partition there means ready.
     */
    private static void awaitLeaders(Admin admin, Set<String> topics) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!everyPartitionLed(admin, topics)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Topics " + topics + " had no leader for every partition within " + TIMEOUT);
            }
            try {
                Thread.sleep(LEADER_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the leaders of " + topics, e);
            }
        }
    }

    private static boolean everyPartitionLed(Admin admin, Set<String> topics) {
        try {
            return admin.describeTopics(topics).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .values().stream()
                    .flatMap(topic -> topic.partitions().stream())
                    .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the leaders of " + topics, e);
        }
    }

    private static Map<String, String> settings(String topic, Set<String> compacted,
                                                Map<String, Map<String, String>> settingsByTopic) {
        Map<String, String> settings = new HashMap<>(settingsByTopic.getOrDefault(topic, Map.of()));
        if (compacted.contains(topic)) {
            settings.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return settings;
    }

    private static void awaitCreated(String topic, KafkaFuture<Void> creation) {
        try {
            creation.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Topic " + topic + " was not created within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        }
    }
}
