package org.instantfeedback.streams.consumers;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Settings of a consumer that reads beside Kafka Streams on every instance, outside any group
 * (the live feed, the text model feed): the app's consumer settings (brokers, security), without
 * the group, committing nothing, never creating a topic.
 */
public final class StandaloneConsumers {

    private StandaloneConsumers() {
    }

    public static Map<String, Object> settings(Map<String, ?> kafkaSettings, String clientId) {
        Map<String, Object> settings = new HashMap<>();
        kafkaSettings.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The topics are created by the operator (or the local run); a reader never creates them.
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return settings;
    }
}
