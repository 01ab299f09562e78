package org.instantfeedback.benchmarks.flink;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.java.tuple.Tuple5;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The durable runs' CSAT output: window counts as text records ({@code start, rated, satisfied, sum}
 * tab-separated, keyed by subject) written by an exactly-once Kafka sink, and read back afterwards.
 */
final class DurableOutput {
    private DurableOutput() {
    }

    static KafkaSink<Tuple5<String, Long, Long, Long, Long>> sink(String bootstrap, String topic) {
        return KafkaSink.<Tuple5<String, Long, Long, Long, Long>>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(KafkaRecordSerializationSchema.<Tuple5<String, Long, Long, Long, Long>>builder()
                        .setTopic(topic)
                        .setKeySerializationSchema(new SubjectKey())
                        .setValueSerializationSchema(new CountsValue())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix("benchmarks-flink-csat-" + System.currentTimeMillis())
                // Below the broker's transaction.max.timeout.ms (15 minutes by default).
                .setProperty("transaction.timeout.ms", Long.toString(Duration.ofMinutes(5).toMillis()))
                .build();
    }

    /** Reads the topic to its end (committed records only) and writes the last counts of every window. */
    static long writeFinalCounts(String bootstrap, String topic, Path output) throws IOException {
        Map<String, String> last = new TreeMap<>();
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    String[] counts = record.value().split("\t", 2);
                    last.put(record.key() + "\t" + counts[0], counts[1]);
                }
            }
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            last.forEach((window, counts) -> out.printf(Locale.ROOT, "%s\t%s%n", window, counts));
        }
        return last.size();
    }

    /** How many committed records the topic holds (read_committed, from its start to its end). */
    static long committedRecords(String bootstrap, String topic) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                records += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return records;
    }

    private static final class SubjectKey implements SerializationSchema<Tuple5<String, Long, Long, Long, Long>> {
        @Override
        public byte[] serialize(Tuple5<String, Long, Long, Long, Long> window) {
            return window.f0.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A window's counts as its record value: {@code start, rated, satisfied, sum} tab-separated. */
    static byte[] countsValue(Tuple5<String, Long, Long, Long, Long> window) {
        return String.format(Locale.ROOT, "%d\t%d\t%d\t%d", window.f1, window.f2, window.f3, window.f4)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static final class CountsValue implements SerializationSchema<Tuple5<String, Long, Long, Long, Long>> {
        @Override
        public byte[] serialize(Tuple5<String, Long, Long, Long, Long> window) {
            return countsValue(window);
        }
    }
}
