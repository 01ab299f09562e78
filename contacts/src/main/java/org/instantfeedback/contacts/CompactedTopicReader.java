package org.instantfeedback.contacts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.instantfeedback.registry.SpecificAvroDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole compacted topic, every partition from the beginning and then on, with no consumer
 * group: every process needs every key (every contact's keys, every conversation). Runs on its own
 * thread; the consumer is used by that thread only, from its first call to its close.
 *
 * @param <V> the record value; null for a tombstone
 */
public final class CompactedTopicReader<V> implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration MISSING_TOPIC_BACKOFF = Duration.ofSeconds(1);

    /** Takes each record in offset order; {@code value} is null for a tombstone. */
    @FunctionalInterface
    public interface Sink<V> {
        void accept(String key, V value, long offset);
    }

    private final Consumer<String, V> consumer;
    private final String topic;
    private final Sink<V> sink;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile RuntimeException failure;

    /** A consumer for a reader of Avro values of {@code type}, from the contact settings' Kafka and registry settings. */
    public static <V extends SpecificRecord> Consumer<String, V> consumer(ContactSettings settings, Class<V> type) {
        KeyringClients clients = KeyringClients.of(settings);
        SpecificAvroDeserializer<V> values = new SpecificAvroDeserializer<>(type);
        values.configure(clients.serde(), false);
        return new KafkaConsumer<>(clients.consumer(), new StringDeserializer(), values);
    }

    public CompactedTopicReader(Consumer<String, V> consumer, String topic, Sink<V> sink) {
        this.consumer = consumer;
        this.topic = topic;
        this.sink = sink;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            if (!running) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (running) {
                pollOnce();
                if (!caughtUp && reached(ends)) {
                    caughtUp = true;
                    ready.countDown();
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer up to stop it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("stopped reading {}: what is written there from now on is not known to this process", topic, e);
        } finally {
            ready.countDown();
            consumer.close();
        }
    }

    /**
     * Waits until the records present at start have all been read.
     *
     * @throws ContactKeysUnavailableException when they were not, saying why
     */
    public void awaitReady(Duration timeout) {
        try {
            ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContactKeysUnavailableException("interrupted while reading " + topic, e);
        }
        if (failure != null) {
            throw new ContactKeysUnavailableException("could not read " + topic + ": " + failure.getMessage(),
                    failure);
        }
        if (!caughtUp) {
            throw new ContactKeysUnavailableException("did not read " + topic + " up to its end within " + timeout
                    + "; is Kafka reachable?");
        }
    }

    public boolean isReady() {
        return caughtUp;
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    /** Closes the consumer of a reader whose thread never ran. */
    public void closeUnstarted() {
        consumer.close();
    }

    /**
     * The topic's partitions, once it exists: a process may start before the topic is created (or
     * before a just-created topic's metadata has reached every broker), and must not give up on it.
     */
    private List<TopicPartition> awaitPartitions() throws InterruptedException {
        boolean told = false;
        while (running) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic);
            if (partitions != null && !partitions.isEmpty()) {
                return partitions.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
            if (!told) {
                LOG.warn("topic {} does not exist yet; waiting for it (it must be created compacted,"
                        + " cleanup.policy=compact)", topic);
                told = true;
            }
            Thread.sleep(MISSING_TOPIC_BACKOFF.toMillis());
        }
        return List.of();
    }

    private void pollOnce() {
        try {
            for (ConsumerRecord<String, V> record : consumer.poll(POLL)) {
                sink.accept(record.key(), record.value(), record.offset());
            }
        } catch (RecordDeserializationException e) {
            // One unreadable record must not stop every other from loading; it is logged
            // for the operator and passed over.
            LOG.error("passed over an unreadable record on {} at offset {}", e.topicPartition(), e.offset(), e);
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
