package org.instantfeedback.streams.clients;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Settings of the Kafka clients that work beside Kafka Streams (the live feed, the text model
 * feed and trainer, the ops-action producer): the app's settings that such a client knows (brokers,
 * security), without Kafka Streams' own, plus what each kind always needs.
 */
public final class StandaloneClients {

    private StandaloneClients() {
    }

    /** A consumer outside any group, committing nothing, never creating a topic. */
    public static Map<String, Object> consumer(Map<String, ?> kafkaSettings, String clientId) {
        Map<String, Object> settings = only(ConsumerConfig.configNames(), kafkaSettings);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The topics are created by the operator (or the local run); a reader never creates them.
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return settings;
    }

    /** An idempotent producer waiting for every in-sync replica: what it sends is there once. */
    public static Map<String, Object> producer(Map<String, ?> kafkaSettings, String clientId) {
        Map<String, Object> settings = only(ProducerConfig.configNames(), kafkaSettings);
        settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return settings;
    }

    public static Map<String, Object> admin(Map<String, ?> kafkaSettings) {
        return only(AdminClientConfig.configNames(), kafkaSettings);
    }

    private static Map<String, Object> only(Set<String> names, Map<String, ?> kafkaSettings) {
        Map<String, Object> settings = new HashMap<>();
        kafkaSettings.forEach((key, value) -> {
            if (names.contains(key)) {
                settings.put(key, value);
            }
        });
        return settings;
    }
}
