package org.instantfeedback.contacts;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.instantfeedback.registry.SchemaRegistrySettings;

/**
 * The properties of the keyring's Kafka clients and serdes: the operator's {@code KAFKA_*} and
 * {@code SCHEMA_REGISTRY_*} settings, with what the keyring cannot do without put over them.
 *
 * @param consumer reads the whole topic, assigned, in no group
 * @param producer writes each record durably, within the write timeout
 * @param serde    registry settings of the Avro serdes
 */
record KeyringClients(Map<String, Object> consumer, Map<String, Object> producer, Map<String, Object> serde) {
    /** Kafka's default since 4.0; read only to keep the producer's own timeout check satisfied. */
    private static final long DEFAULT_LINGER_MS = 5;

    static KeyringClients of(ContactSettings settings) {
        return new KeyringClients(consumer(settings), producer(settings), serde(settings));
    }

    private static Map<String, Object> consumer(ContactSettings settings) {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        // Every process needs every contact: a group would share the partitions out among them.
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Asking for a missing topic must not make the broker create it: created by default, it would
        // not be compacted, and passengers' keys would expire with its retention.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return props;
    }

    /**
     * Acks from all in-sync replicas and idempotence are not negotiable: a key the edge used to seal
     * an address must survive a broker's loss. Timeouts default to the write timeout, so that every
     * wait inside the producer ends within it.
     */
    private static Map<String, Object> producer(ContactSettings settings) {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        long timeoutMs = settings.writeTimeout().toMillis();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeoutMs));
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs));
        long lingerMs = Long.parseLong(String.valueOf(props.getOrDefault(ProducerConfig.LINGER_MS_CONFIG,
                DEFAULT_LINGER_MS)));
        // The producer insists on delivery.timeout.ms >= linger.ms + request.timeout.ms.
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1, timeoutMs - lingerMs)));
        return props;
    }

    private static Map<String, Object> serde(ContactSettings settings) {
        Map<String, Object> props = new HashMap<>(settings.schemaRegistry());
        props.putIfAbsent(SchemaRegistrySettings.REQUEST_TIMEOUT_MS, String.valueOf(settings.writeTimeout().toMillis()));
        return props;
    }
}
