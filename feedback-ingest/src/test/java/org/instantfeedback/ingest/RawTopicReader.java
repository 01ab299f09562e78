package org.instantfeedback.ingest;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads one topic from its beginning as a consumer would, values as bytes, so a test sees exactly what is stored. */
final class RawTopicReader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    RawTopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** The first record that is {@code wanted}, waiting for it up to 30 seconds. */
    ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> wanted) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return find(wanted).isPresent();
        });
        return find(wanted).orElseThrow();
    }

    /** The first record with this key whose value, as UTF-8, contains {@code text}. */
    ConsumerRecord<String, byte[]> awaitRecord(String key, String text) {
        return awaitRecord(record -> key.equals(record.key()) && record.value() != null
                && new String(record.value(), StandardCharsets.UTF_8).contains(text));
    }

    private Optional<ConsumerRecord<String, byte[]>> find(Predicate<ConsumerRecord<String, byte[]>> wanted) {
        return seen.stream().filter(wanted).findFirst();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
