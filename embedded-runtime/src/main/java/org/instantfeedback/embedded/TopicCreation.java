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
 * Creates topics on a single-broker cluster, treating topics that already exist as done. Topics
 * named as compacted keep the latest record per key forever instead of expiring by age.
 */
final class TopicCreation {

    private static final short REPLICATION_FACTOR = 1;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

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
