package org.instantfeedback.streams.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackMetrics;
import org.instantfeedback.events.SubjectScope;
import org.instantfeedback.registry.SpecificAvroSerializer;
import org.junit.jupiter.api.Test;

/**
 * The live feed on a real broker and registry: it reads every partition of the metrics and alert
 * topics (an instance owns only some partitions of the topology, its viewers want them all), only
 * what was committed, and only what came after it started; it skips what arrives while nobody watches.
 */
@WithKafkaAndRegistry
class LiveFeedIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void publishes_committed_records_of_every_partition_from_the_end_and_never_aborted_ones(KafkaAndRegistry kafka)
            throws Exception {
        kafka.createTopics(Map.of(Topics.METRICS_LATEST, 3, Topics.ALERTS, 3), Topics.COMPACTED);
        Map<String, Object> registry = Map.of("schema.registry.url", kafka.schemaRegistryUrl());
        List<LiveEvent> events = new CopyOnWriteArrayList<>();
        AtomicBoolean watched = new AtomicBoolean(true);
        AtomicInteger askedWhileUnwatched = new AtomicInteger();
        try (KafkaProducer<String, byte[]> producer = producer(kafka);
             SpecificAvroSerializer<FeedbackMetrics> metrics = new SpecificAvroSerializer<>();
             SpecificAvroSerializer<FeedbackAlert> alerts = new SpecificAvroSerializer<>()) {
            metrics.configure(registry, false);
            alerts.configure(registry, false);
            producer.initTransactions();
            int partitions = producer.partitionsFor(Topics.METRICS_LATEST).size();
            send(producer, metrics, 0, "before-the-feed-started", true);

            // The app's own Kafka settings, Streams-only ones included: the feed keeps the consumer's.
            Map<String, Object> kafkaSettings = Map.of("bootstrap.servers", kafka.bootstrapServers(),
                    "application.id", "live-feed-test", "processing.guarantee", "exactly_once_v2");
            try (LiveFeed feed = new LiveFeed(kafkaSettings, registry, "live-feed-test", events::add, () -> {
                if (!watched.get()) {
                    askedWhileUnwatched.incrementAndGet();
                }
                return watched.get();
            })) {
                feed.start();
                await().atMost(DEADLINE).until(feed::isReading);

                producer.beginTransaction();
                for (int partition = 0; partition < partitions; partition++) {
                    producer.send(new ProducerRecord<>(Topics.METRICS_LATEST, partition, "subject:route-" + partition
                            + ":PT15M", metrics.serialize(Topics.METRICS_LATEST, metricsOf("route-" + partition))));
                }
                producer.commitTransaction();
                send(producer, metrics, partitions - 1, "aborted", false);
                send(producer, metrics, partitions - 1, "after-the-aborted-one", true);

                await().atMost(DEADLINE).until(() -> subjects(events).contains("after-the-aborted-one"));

                watched.set(false);
                send(producer, metrics, 0, "while-nobody-watched", true);
                // Each poll asks once, and the committed record is fetched by the first or second
                // poll after the commit: six answers of "nobody" mean the feed has passed it.
                await().atMost(DEADLINE).until(() -> askedWhileUnwatched.get() >= 6);
                watched.set(true);
                send(producer, metrics, 0, "watched-again", true);
                await().atMost(DEADLINE).until(() -> subjects(events).contains("watched-again"));
            }
        }

        List<String> subjects = subjects(events);
        for (int partition = 0; partition < 3; partition++) {
            assertThat(subjects).contains("route-" + partition);
        }
        assertThat(subjects).doesNotContain("aborted", "before-the-feed-started", "while-nobody-watched");
        assertThat(events).allSatisfy(event -> assertThat(event.name()).isEqualTo(LiveEvent.METRICS));
    }

    private static List<String> subjects(List<LiveEvent> events) {
        return events.stream().map(event -> {
            try {
                JsonNode json = JSON.readTree(event.json());
                return json.path("subject").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static void send(KafkaProducer<String, byte[]> producer, SpecificAvroSerializer<FeedbackMetrics> metrics,
                             int partition, String subject, boolean commit) throws Exception {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(Topics.METRICS_LATEST, partition, "subject:" + subject + ":PT15M",
                metrics.serialize(Topics.METRICS_LATEST, metricsOf(subject)))).get();
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }

    private static KafkaProducer<String, byte[]> producer(KafkaAndRegistry kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "live-feed-test-" + UUID.randomUUID()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static FeedbackMetrics metricsOf(String subject) {
        Instant now = Instant.now();
        return FeedbackMetrics.newBuilder()
                .setScope(SubjectScope.SUBJECT).setSubject(subject)
                .setWindowSizeMillis(Duration.ofMinutes(15).toMillis())
                .setWindowStart(now.minus(Duration.ofMinutes(15))).setWindowEnd(now)
                .setResponses(3).setRatedResponses(3).setCsatPercent(66.7).setAverageRating(3.7).setNps(null)
                .setScoredTexts(3).setNegativeSharePercent(33.3).setUrgentReports(0).setComplaints(1)
                .setDistinctSenders(3).setComplainants(1).setSendersApproximate(false)
                .setTopTopics(List.of())
                .setUpdatedAt(now)
                .build();
    }
}
