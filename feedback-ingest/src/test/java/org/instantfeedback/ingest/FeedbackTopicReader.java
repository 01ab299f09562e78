package org.instantfeedback.ingest;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.registry.SpecificAvroDeserializer;

/** Reads what feedback-ingest wrote to the topic, as a downstream consumer would. */
final class FeedbackTopicReader implements AutoCloseable {
    private final KafkaConsumer<String, FeedbackReceived> consumer;
    private final List<ConsumerRecord<String, FeedbackReceived>> seen = new ArrayList<>();

    FeedbackTopicReader(String bootstrapServers, String schemaRegistryUrl) {
        SpecificAvroDeserializer<FeedbackReceived> values = new SpecificAvroDeserializer<>(FeedbackReceived.class);
        values.configure(Map.of("schema.registry.url", schemaRegistryUrl), false);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), values);
        consumer.subscribe(List.of(Topics.FEEDBACK_RECEIVED));
    }

    /** The record with this event id, waiting for it up to 30 seconds. */
    ConsumerRecord<String, FeedbackReceived> awaitEvent(String eventId) {
        return awaitRecord(record -> record.value().getEventId().equals(eventId));
    }

    ConsumerRecord<String, FeedbackReceived> awaitRecord(Predicate<ConsumerRecord<String, FeedbackReceived>> wanted) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return find(wanted).isPresent();
        });
        return find(wanted).orElseThrow();
    }

    /** Every record read so far that has this key. */
    List<ConsumerRecord<String, FeedbackReceived>> recordsWithKey(String key) {
        return seen.stream().filter(record -> key.equals(record.key())).toList();
    }

    private Optional<ConsumerRecord<String, FeedbackReceived>> find(
            Predicate<ConsumerRecord<String, FeedbackReceived>> wanted) {
        return seen.stream().filter(wanted).findFirst();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
