package org.instantfeedback.streams.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackMetrics;
import org.instantfeedback.registry.SpecificAvroDeserializer;
import org.instantfeedback.streams.clients.ConsumerThread;
import org.instantfeedback.streams.clients.StandaloneClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the latest figures ({@code feedback.metrics.latest.v1}) and the alert events
 * ({@code feedback.alerts.v1}) as they are committed and hands them to the live stream. Every
 * instance reads <em>all</em> partitions with its own consumer (no group, nothing committed): an
 * instance owns only some partitions of the topology, yet its viewers want every route. It starts
 * at the end, since what came before is what the page loads from the query API.
 *
 * <p>While nobody watches it keeps its place at the end but decodes nothing: decoding every
 * metrics update took about 3 % of a busy instance's JFR samples (end-to-end benchmark) for no viewer.
 */
public final class LiveFeed extends ConsumerThread {
    static final List<String> TOPICS = List.of(Topics.METRICS_LATEST, Topics.ALERTS);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    /** How long to wait before looking again for topics that do not exist yet. */
    private static final Duration TOPIC_RETRY = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final Map<String, Object> consumerSettings;
    private final Map<String, ?> registrySettings;
    private final Consumer<LiveEvent> sink;
    private final BooleanSupplier watched;
    private final AtomicBoolean reading = new AtomicBoolean();

    /**
     * @param kafkaSettings    the app's Kafka settings; only consumer settings are taken (brokers,
     *                         security), the Streams-only ones are left out
     * @param registrySettings the serde settings ({@code schema.registry.url}, ...)
     * @param sink             where decoded events go, the broadcaster's {@code publish}
     * @param watched          whether anybody receives the events now; when not, they are skipped
     */
    public LiveFeed(Map<String, ?> kafkaSettings, Map<String, ?> registrySettings, String clientId,
                    Consumer<LiveEvent> sink, BooleanSupplier watched) {
        super("live-feed");
        this.consumerSettings = consumerSettings(kafkaSettings, clientId);
        this.registrySettings = registrySettings;
        this.sink = sink;
        this.watched = watched;
    }

    static Map<String, Object> consumerSettings(Map<String, ?> kafkaSettings, String clientId) {
        Map<String, Object> settings = StandaloneClients.consumer(kafkaSettings, clientId);
        // feedback-streams writes in exactly-once transactions: show only what it committed.
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return settings;
    }

    @Override
    protected String whatStops() {
        return "the dashboard gets no live updates until a restart";
    }

    @Override
    protected void run() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerSettings, new StringDeserializer(),
                new ByteArrayDeserializer());
             SpecificAvroDeserializer<FeedbackMetrics> metrics = new SpecificAvroDeserializer<>(FeedbackMetrics.class);
             SpecificAvroDeserializer<FeedbackAlert> alerts = new SpecificAvroDeserializer<>(FeedbackAlert.class)) {
            if (!wakeable(kafka)) {
                return;
            }
            metrics.configure(registrySettings, false);
            alerts.configure(registrySettings, false);
            List<TopicPartition> partitions = awaitPartitions(kafka);
            if (closed()) {
                return;
            }
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            // Resolves the end offsets now, so whatever is committed from here on is seen.
            partitions.forEach(kafka::position);
            reading.set(true);
            log.info("Live feed reading {} partitions of {} from their end", partitions.size(), TOPICS);
            while (!closed()) {
                ConsumerRecords<String, byte[]> records = kafka.poll(POLL_TIMEOUT);
                if (watched.getAsBoolean()) {
                    for (ConsumerRecord<String, byte[]> record : records) {
                        publish(record, metrics, alerts);
                    }
                }
            }
        }
    }

    /** The partitions of every topic once they all exist; an empty list when closed first. */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
        boolean warned = false;
        while (true) {
            List<TopicPartition> partitions = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> infos;
                try {
                    infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
                } catch (TimeoutException e) {
                    // The broker is not reachable yet: look again, as for a topic that does not exist.
                    infos = List.of();
                }
                if (infos == null || infos.isEmpty()) {
                    missing.add(topic);
                } else {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            if (missing.isEmpty()) {
                return partitions;
            }
            if (!warned) {
                log.warn("Live feed waiting for topics {} to exist (or the broker to answer)", missing);
                warned = true;
            }
            if (closedWithin(TOPIC_RETRY)) {
                return List.of();
            }
        }
    }

    private void publish(ConsumerRecord<String, byte[]> record, SpecificAvroDeserializer<FeedbackMetrics> metrics,
                         SpecificAvroDeserializer<FeedbackAlert> alerts) {
        if (record.value() == null) {
            return;
        }
        try {
            if (Topics.ALERTS.equals(record.topic())) {
                sink.accept(LiveEvents.alert(alerts.deserialize(record.topic(), record.value())));
            } else {
                sink.accept(LiveEvents.metrics(metrics.deserialize(record.topic(), record.value())));
            }
        } catch (RuntimeException e) {
            // A record the dashboard cannot read is skipped: the figures it carried are on the page
            // at the next update or reload, and the pipeline's own dead-letter handling owns bad data.
            log.warn("Live feed skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.toString());
        }
    }

    /** True once the feed is positioned at the end of every partition and reads what comes. */
    public boolean isReading() {
        return reading.get() && !closed();
    }
}
