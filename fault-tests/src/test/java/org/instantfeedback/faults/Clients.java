package org.instantfeedback.faults;

import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.registry.SpecificAvroDeserializer;
import org.instantfeedback.registry.SpecificAvroSerializer;

/**
 * The Kafka clients the fault tests use to feed the pipeline and read what it wrote, the way its
 * real neighbours do: producers with acks=all, readers with isolation.level=read_committed (only
 * what the exactly-once pipeline committed).
 */
final class Clients {
    /** Every topic the services read or write, with a partition count that gives a rebalance something to move. */
    static final Map<String, Integer> TOPICS = Map.ofEntries(
            Map.entry(Topics.FEEDBACK_RECEIVED, 4), Map.entry(Topics.FEEDBACK_SCORED, 4), Map.entry(Topics.CSAT, 4),
            Map.entry(Topics.CSAT_V2, 4),
            Map.entry(Topics.DEAD_LETTER, 1), Map.entry(Topics.METRICS, 4), Map.entry(Topics.METRICS_LATEST, 4),
            Map.entry(Topics.ALERTS, 4), Map.entry(Topics.ALERT_ACTIONS, 4), Map.entry(Topics.ALERT_RULES, 1),
            Map.entry(Topics.ALERT_RULES_ACCEPTED, 1),
            // Sources of the conversations: feedback-streams does not start without them.
            Map.entry(Topics.CONVERSATION_ACTIONS, 4), Map.entry(Topics.REPLY_STATUS, 4));
    /**
     * The topics of the conversation loop besides {@link #TOPICS}: passengers' keys, conversations,
     * ops' actions, replies and their statuses, and the handling measures (and the rest the
     * topology reads), so that feedback-streams and the reply sender find them all at start.
     */
    static final Map<String, Integer> CONVERSATION_TOPICS = Map.ofEntries(
            Map.entry(Topics.ALERT_HANDLING, 2), Map.entry(Topics.RATED_TEXTS, 1), Map.entry(Topics.TEXT_MODELS, 1),
            Map.entry(Topics.CONTACT_KEYS, 2), Map.entry(Topics.CONVERSATIONS, 2),
            Map.entry(Topics.REPLIES, 2), Map.entry(Topics.HANDLING, 2));

    private final KafkaAndRegistry kafka;
    private final String registryUrl;
    private final Map<Class<?>, SpecificAvroDeserializer<?>> deserializers = new ConcurrentHashMap<>();

    Clients(KafkaAndRegistry kafka) {
        this(kafka, kafka.schemaRegistryUrl());
    }

    /** Clients of another registry than the broker's usual one (a test's own). */
    Clients(KafkaAndRegistry kafka, String registryUrl) {
        this.kafka = kafka;
        this.registryUrl = registryUrl;
        // The registry serde tells Avro to trust the generated event classes; the tests build events
        // before they make their first serde, so that happens here.
        new SpecificAvroSerializer<FeedbackReceived>().close();
    }

    void createTopics() {
        kafka.createTopics(TOPICS, Topics.COMPACTED);
    }

    /** {@link #TOPICS} and {@link #CONVERSATION_TOPICS}. */
    void createConversationTopics() {
        createTopics();
        kafka.createTopics(CONVERSATION_TOPICS, Topics.COMPACTED);
    }

    KafkaProducer<String, FeedbackReceived> feedbackProducer() {
        SpecificAvroSerializer<FeedbackReceived> serializer = new SpecificAvroSerializer<>();
        serializer.configure(registry(), false);
        return new KafkaProducer<>(producerProperties(), new StringSerializer(), serializer);
    }

    <T extends SpecificRecord> KafkaProducer<String, T> avroProducer() {
        SpecificAvroSerializer<T> serializer = new SpecificAvroSerializer<>();
        serializer.configure(registry(), false);
        return new KafkaProducer<>(producerProperties(), new StringSerializer(), serializer);
    }

    KafkaProducer<String, String> stringProducer() {
        return new KafkaProducer<>(producerProperties(), new StringSerializer(), new StringSerializer());
    }

    KafkaProducer<byte[], byte[]> rawProducer() {
        return new KafkaProducer<>(producerProperties(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * A reader of Avro values. Its deserializer is shared by every reader of the type and outlives
     * them, so schemas it fetched once stay known, like a long-running consumer's, when the registry
     * is down.
     */
    @SuppressWarnings("unchecked")
    <T extends SpecificRecord> KafkaConsumer<String, T> avroReader(String topic, Class<T> type) {
        SpecificAvroDeserializer<T> shared = (SpecificAvroDeserializer<T>) deserializers.computeIfAbsent(type, key -> {
            SpecificAvroDeserializer<T> deserializer = new SpecificAvroDeserializer<>(type);
            deserializer.configure(registry(), false);
            return deserializer;
        });
        Deserializer<T> keptOpen = shared::deserialize;
        return reader(topic, new StringDeserializer(), keptOpen);
    }

    KafkaConsumer<byte[], byte[]> rawReader(String topic) {
        return reader(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Reads {@code topic} from the start, assigned to every partition (no group, so no rebalance to wait for). */
    <K, V> KafkaConsumer<K, V> reader(String topic, Deserializer<K> keys, Deserializer<V> values) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-tests-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(properties, keys, values);
        consumer.assign(consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList());
        consumer.seekToBeginning(consumer.assignment());
        return consumer;
    }

    Map<String, Object> registry() {
        return Map.of(SchemaRegistrySettings.URL, registryUrl);
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        return properties;
    }
}
