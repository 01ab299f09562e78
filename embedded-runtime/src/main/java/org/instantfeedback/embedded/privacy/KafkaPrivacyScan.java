package org.instantfeedback.embedded.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.instantfeedback.embedded.KafkaAndRegistry;

/**
 * Reads every record of every topic on a broker, internal topics included, as raw bytes (keys,
 * values, header names and values) and looks for personal data in them. Test classes that send
 * phone numbers and e-mail addresses run it once they are done; it reads aborted transactions too,
 * since what a broker stores is what an attacker with its disks would see.
 */
public final class KafkaPrivacyScan {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    /** What the scan saw: where each tell-tale was found, how much it read, and the topics with records. */
    public record Report(List<String> findings, long records, long bytes, Set<String> topics) {
        public Report {
            findings = List.copyOf(findings);
            topics = Set.copyOf(topics);
        }
    }

    private KafkaPrivacyScan() {
    }

    /**
     * Fails with an {@link AssertionError} if any of {@link PersonalData#tellTales()} is anywhere on
     * the broker, or if the broker holds no record at all (a scan of nothing proves nothing).
     *
     * @return what the scan read, for a test to add its own checks (which topics it read, say)
     */
    public static Report assertNoPersonalDataOn(KafkaAndRegistry runtime) {
        Report report = scan(runtime.bootstrapServers(), PersonalData.tellTales());
        if (report.records() == 0) {
            throw new AssertionError("the privacy scan read no record from the broker at "
                    + runtime.bootstrapServers());
        }
        if (!report.findings().isEmpty()) {
            throw new AssertionError("personal data found in Kafka (" + report.records() + " records, "
                    + report.bytes() + " bytes read): " + String.join("; ", report.findings()));
        }
        return report;
    }

    /** Reads every partition of every topic from its start to its current end; fails after a minute. */
    public static Report scan(String bootstrapServers, Collection<String> tellTales) {
        List<byte[]> needles = tellTales.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        List<String> findings = new ArrayList<>();
        Set<String> topics = new TreeSet<>();
        long records = 0;
        long bytes = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = allPartitions(bootstrapServers);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(DEADLINE);
            while (!readToEnd(consumer, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read every topic to its end within " + DEADLINE);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    topics.add(record.topic());
                    String where = record.topic() + "-" + record.partition() + "@" + record.offset();
                    bytes += look(record.key(), needles, where + " key", findings);
                    bytes += look(record.value(), needles, where + " value", findings);
                    for (Header header : record.headers()) {
                        bytes += look(header.key().getBytes(StandardCharsets.UTF_8), needles,
                                where + " header name", findings);
                        bytes += look(header.value(), needles, where + " header " + header.key(), findings);
                    }
                }
            }
        }
        return new Report(findings, records, bytes, topics);
    }

    /** Adds a finding for each needle in {@code haystack}; returns its length. */
    public static long look(byte[] haystack, List<byte[]> needles, String where, List<String> findings) {
        if (haystack == null) {
            return 0;
        }
        for (byte[] needle : needles) {
            if (indexOf(haystack, needle) >= 0) {
                findings.add("'" + new String(needle, StandardCharsets.UTF_8) + "' in " + where);
            }
        }
        return haystack.length;
    }

    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean readToEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static List<TopicPartition> allPartitions(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
                topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
            }
            return partitions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not list the broker's topics", e.getCause());
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "privacy-scan-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
