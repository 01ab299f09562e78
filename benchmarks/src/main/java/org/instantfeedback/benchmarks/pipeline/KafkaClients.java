package org.instantfeedback.benchmarks.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.registry.SpecificAvroSerializer;

/**
 * Plain Kafka clients for the references: an acks=all idempotent producer loop (what Kafka's
 * {@code ProducerPerformance} does with {@code acks=all}), a consumer loop reading a topic from
 * its start to its end offsets (what {@code ConsumerPerformance} does), and the writer of the
 * pre-produced events.
 */
final class KafkaClients {
    private static final int MAX_IN_FLIGHT = 10_000;

    private final String bootstrapServers;
    private final String registryUrl;

    KafkaClients(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** The Avro-encoded (wire format) values of some events, as the topology reads them. */
    List<byte[]> encoded(List<FeedbackReceived> events, String topic) {
        try (SpecificAvroSerializer<FeedbackReceived> serializer = new SpecificAvroSerializer<>()) {
            serializer.configure(Map.of(SchemaRegistrySettings.URL, registryUrl), false);
            return events.stream().map(event -> serializer.serialize(topic, event)).toList();
        }
    }

    /** Records per second an acks=all idempotent producer gets acknowledged, sending {@code values} round. */
    double producerThroughput(String topic, List<byte[]> values, Duration measure) throws InterruptedException {
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start;
        long end;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.partitionsFor(topic);
            start = System.nanoTime();
            long stopAt = start + measure.toNanos();
            // At most this many records unacknowledged: an unbounded backlog on a starved machine only
            // measures how long batches wait in the buffer (and expires them).
            Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
            for (long i = 0; System.nanoTime() < stopAt; i++) {
                byte[] key = FeedbackEvents.subject(i, 1000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                inFlight.acquire();
                producer.send(new ProducerRecord<>(topic, key, values.get((int) (i % values.size()))), (meta, error) -> {
                    inFlight.release();
                    if (error == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
            end = System.nanoTime();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the reference producer failed", failure.get());
        }
        return acknowledged.get() / ((end - start) / 1e9);
    }

    /** Writes {@code count} events of a run to the topic, spread over {@code subjects}; returns the mean value size. */
    double produceEvents(String topic, String runId, long count, int subjects, Instant start, Duration step,
                         java.util.function.LongConsumer progress) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        Map<String, Object> settings = producerSettings();
        settings.put(SchemaRegistrySettings.URL, registryUrl);
        try (SpecificAvroSerializer<FeedbackReceived> values = new SpecificAvroSerializer<>();
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                     new ByteArraySerializer())) {
            values.configure(settings, false);
            for (long i = 0; i < count; i++) {
                FeedbackReceived event = FeedbackEvents.event(runId, i, subjects, start, step);
                byte[] value = values.serialize(topic, event);
                bytes += value.length;
                producer.send(new ProducerRecord<>(topic, null, event.getOccurredAt().toEpochMilli(),
                        event.getSubject(), value), (meta, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
                if (i % 100_000 == 0) {
                    progress.accept(i);
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("could not write the events", failure.get());
        }
        return count == 0 ? 0 : (double) bytes / count;
    }

    /** Records per second one consumer reads the topic at, from its start to its end offsets. */
    double consumerThroughput(String topic, Map<TopicPartition, Long> startOffsets, Map<TopicPartition, Long> endOffsets) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long expected = endOffsets.entrySet().stream()
                .mapToLong(end -> end.getValue() - startOffsets.get(end.getKey())).sum();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(endOffsets.keySet());
            startOffsets.forEach(consumer::seek);
            long start = System.nanoTime();
            long read = 0;
            long bytes = 0;
            while (read < expected && System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (var record : records) {
                    bytes += record.value().length;
                }
                read += records.count();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (bytes < 0) {
                throw new IllegalStateException("unreachable: keeps the values read");
            }
            return read / seconds;
        }
    }

    private Map<String, Object> producerSettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return settings;
    }
}
