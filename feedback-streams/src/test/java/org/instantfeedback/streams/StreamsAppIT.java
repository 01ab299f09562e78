package org.instantfeedback.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.CsatWindow;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertKind;
import org.instantfeedback.events.FeedbackAlertSeverity;
import org.instantfeedback.events.FeedbackMetrics;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.events.FeedbackSentiment;
import org.instantfeedback.events.FeedbackTopic;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.streams.csat.Feedback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * feedback-streams as it runs, on a real single-node KRaft broker and a real schema registry:
 * feedback produced with the registry serde comes out, each event once, as CSAT on
 * feedback.csat.v1 (read committed, as exactly-once readers do) and at the HTTP API, and scored on
 * feedback.scored.v1; bytes it cannot read end in the dead-letter topic while counting goes on.
 */
@WithKafkaAndRegistry
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamsAppIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private KafkaAndRegistry kafka;
    private StreamsOnBroker streams;
    private StreamsApp app;
    private KafkaProducer<String, FeedbackReceived> feedbackProducer;

    @BeforeAll
    void startApp(KafkaAndRegistry kafka) {
        this.kafka = kafka;
        streams = new StreamsOnBroker(kafka);
        app = streams.start("feedback-streams-it-" + UUID.randomUUID(), Map.of("STREAMS_API_AUTH", "none"));
        feedbackProducer = streams.feedbackProducer();
        await("Kafka Streams running").atMost(DEADLINE).until(() -> app.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    void stopApp() {
        if (feedbackProducer != null) {
            feedbackProducer.close(Duration.ofSeconds(10));
        }
        if (streams != null) {
            streams.close();
        }
    }

    @Test
    void ratings_sent_to_kafka_come_out_as_csat_on_the_topic_and_at_the_http_api_each_counted_once() throws Exception {
        String subject = "route-" + UUID.randomUUID();
        Instant now = Instant.now();
        FeedbackReceived five = Feedback.stars(subject, 5, now.minusSeconds(30));
        send(five);
        send(Feedback.stars(subject, 4, now.minusSeconds(20)));
        // A retry of the first: same eventId, received again. Same subject, same partition, so it
        // is processed before the last rating and would show in that rating's update.
        send(FeedbackReceived.newBuilder(five).setReceivedAt(now).build());
        send(Feedback.stars(subject, 2, now.minusSeconds(10)));

        try (KafkaConsumer<String, CsatWindow> consumer = consumer(Topics.CSAT, streams.deserializer(CsatWindow.class))) {
            List<CsatWindow> updates = new ArrayList<>();
            await("CSAT of all three ratings on " + Topics.CSAT).atMost(DEADLINE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(subject)) {
                        updates.add(record.value());
                    }
                });
                assertThat(updates).anySatisfy(window -> assertThat(window.getRatedResponses()).isEqualTo(3));
            });
            assertThat(updates).allSatisfy(window -> assertThat(window.getRatedResponses()).isLessThanOrEqualTo(3));
            CsatWindow full = updates.stream().filter(window -> window.getRatedResponses() == 3).findFirst().orElseThrow();
            assertThat(full.getSubject()).isEqualTo(subject);
            assertThat(full.getSatisfiedResponses()).isEqualTo(2);
            assertThat(full.getCsatPercent()).isEqualTo(66.7);
            assertThat(full.getAverageRating()).isEqualTo(3.67);
            assertThat(full.getUpdatedAt()).isEqualTo(now.minusSeconds(10).truncatedTo(ChronoUnit.MILLIS));
        }

        JsonNode figures = awaitCsatAtHttp(subject, 3);
        assertThat(figures.get("satisfiedResponses").asLong()).isEqualTo(2);
        assertThat(figures.get("csatPercent").asDouble()).isEqualTo(66.7);
        assertThat(figures.get("averageRating").asDouble()).isEqualTo(3.67);
        assertThat(Instant.parse(figures.get("windowStart").asText())).isBefore(now.minusSeconds(30));
        assertThat(Instant.parse(figures.get("windowEnd").asText())).isAfter(now);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(get("/metrics").body()).contains("kafka_stream_alive_stream_threads");
    }

    /**
     * Rolling figures are judged and published once per commit from the slices that changed, not
     * once per response: a burst of ratings for one route reaches feedback.metrics.v1 as a few
     * updates of its window, the last counting every rating, each update counting more.
     */
    @Test
    void a_burst_of_feedback_is_published_as_a_few_updates_of_its_window_not_one_per_response() throws Exception {
        String subject = "route-" + UUID.randomUUID();
        int burst = 300;
        Instant now = Instant.now();
        for (int i = 0; i < burst; i++) {
            feedbackProducer.send(new ProducerRecord<>(Topics.FEEDBACK_RECEIVED,
                    subject, Feedback.stars(subject, 1 + i % 5, now.minusMillis(burst - i))));
        }
        feedbackProducer.flush();

        String key = "subject:" + subject + ":PT15M";
        try (KafkaConsumer<String, FeedbackMetrics> consumer =
                     consumer(Topics.METRICS, streams.deserializer(FeedbackMetrics.class))) {
            List<Long> counted = new ArrayList<>();
            await("the window of " + subject + " counting all " + burst + " ratings").atMost(DEADLINE)
                    .untilAsserted(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                            if (record.key().equals(key)) {
                                counted.add(record.value().getResponses());
                            }
                        });
                        assertThat(counted).contains((long) burst);
                    });
            assertThat(counted).isSorted().doesNotHaveDuplicates();
            // One update per response would be 300; a commit every 100 ms folds the burst into a few.
            assertThat(counted).hasSizeLessThan(burst / 5);
        }
    }

    @Test
    void every_feedback_is_scored_once_on_the_scored_topic() throws Exception {
        String subject = "route-" + UUID.randomUUID();
        Instant now = Instant.now();
        FeedbackReceived complaint = Feedback.textOnly(subject, "driver was drunk and crashed into a car",
                now.minusSeconds(20));
        FeedbackReceived rating = Feedback.stars(subject, 4, now.minusSeconds(10));
        send(complaint);
        send(FeedbackReceived.newBuilder(complaint).setReceivedAt(now).build());
        send(rating);

        try (KafkaConsumer<String, FeedbackScored> consumer = consumer(Topics.FEEDBACK_SCORED, streams.deserializer(FeedbackScored.class))) {
            List<ConsumerRecord<String, FeedbackScored>> scored = new ArrayList<>();
            await("the rating sent last on " + Topics.FEEDBACK_SCORED).atMost(DEADLINE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(subject)) {
                        scored.add(record);
                    }
                });
                assertThat(scored).anySatisfy(record -> assertThat(record.value().getFeedback()).isEqualTo(rating));
            });
            assertThat(scored).extracting(record -> record.value().getFeedback().getEventId())
                    .containsExactly(complaint.getEventId(), rating.getEventId());
            FeedbackScored report = scored.get(0).value();
            assertThat(report.getFeedback()).isEqualTo(complaint);
            assertThat(report.getSentimentLabel()).isEqualTo(FeedbackSentiment.NEGATIVE);
            assertThat(report.getUrgent()).isTrue();
            assertThat(report.getTopics()).contains(FeedbackTopic.SAFETY);
            assertThat(report.getLanguage()).isEqualTo("en");
            assertThat(scored.get(1).value().getSentimentLabel()).isEqualTo(FeedbackSentiment.NONE);
        }
    }

    @Test
    void undeserializable_feedback_goes_to_the_dead_letter_topic_and_counting_goes_on() throws Exception {
        String subject = "branch-" + UUID.randomUUID();
        byte[] garbage = ("not avro " + subject).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> raw = rawProducer()) {
            raw.send(new ProducerRecord<>(Topics.FEEDBACK_RECEIVED, subject.getBytes(StandardCharsets.UTF_8), garbage))
                    .get(30, TimeUnit.SECONDS);
        }
        send(Feedback.stars(subject, 4, Instant.now().minusSeconds(5)));

        try (KafkaConsumer<byte[], byte[]> consumer = consumer(Topics.DEAD_LETTER, new ByteArrayDeserializer())) {
            List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
            await("the garbage on " + Topics.DEAD_LETTER).atMost(DEADLINE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(deadLetters::add);
                assertThat(deadLetters).anySatisfy(record -> assertThat(record.value()).isEqualTo(garbage));
            });
            ConsumerRecord<byte[], byte[]> deadLetter = deadLetters.stream()
                    .filter(record -> Arrays.equals(record.value(), garbage))
                    .findFirst().orElseThrow();
            assertThat(new String(deadLetter.key(), StandardCharsets.UTF_8)).isEqualTo(subject);
            assertThat(header(deadLetter, "__streams.errors.exception")).contains("SerializationException");
            assertThat(header(deadLetter, "__streams.errors.message")).contains("magic byte");
        }

        JsonNode figures = awaitCsatAtHttp(subject, 1);
        assertThat(figures.get("csatPercent").asDouble()).isEqualTo(100.0);
    }

    @Test
    void an_urgent_report_becomes_a_critical_alert_readable_committed_on_the_alerts_topic() throws Exception {
        // How fast is measured by the benchmarks (docs/performance.md), not here: on a shared
        // machine a wall-clock limit would fail for reasons that have nothing to do with the pipeline.
        try (KafkaConsumer<String, FeedbackAlert> consumer = consumer(Topics.ALERTS, streams.deserializer(FeedbackAlert.class))) {
            String subject = "route-" + UUID.randomUUID();
            send(Feedback.textOnly(subject, "driver was drunk and crashed into a car", Instant.now()));
            FeedbackAlert alert = awaitAlert(consumer, subject);

            assertThat(alert.getKind()).isEqualTo(FeedbackAlertKind.URGENT_REPORT);
            assertThat(alert.getType()).isEqualTo(FeedbackAlertEventType.OPENED);
            assertThat(alert.getSeverity()).isEqualTo(FeedbackAlertSeverity.CRITICAL);
            assertThat(alert.getReason()).startsWith("An urgent report about " + subject);
        }
    }

    @Test
    void prometheus_counts_the_passengers_waiting_for_an_answer() throws Exception {
        String contact = "contact-" + UUID.randomUUID();
        Instant now = Instant.now();
        send(FeedbackReceived.newBuilder().setEventId("twilio:" + contact).setChannel(Channel.SMS)
                .setSubject("route-" + contact).setText("bus late again").setSenderPseudonym(contact)
                .setReplyTo(ReplyAddress.newBuilder().setContactId(contact).setOperatorNumber("+447700900100")
                        .setKeyId("k-1").setCiphertext(ByteBuffer.wrap(new byte[] {1, 2, 3})).build())
                .setOccurredAt(now).setReceivedAt(now).build());

        String idLabel = "id=\"route-" + contact + "\"";
        await("the waiting passenger counted in Prometheus").atMost(DEADLINE).untilAsserted(() -> {
            String open = get("/metrics").body().lines().filter(line -> line.startsWith("conversations_open{")
                    && line.contains(idLabel) && line.contains("scope=\"subject\"")).findFirst().orElse("");
            assertThat(open).as("the conversations_open line of the subject").isNotEmpty();
            assertThat(Double.parseDouble(open.substring(open.lastIndexOf(' ') + 1))).isEqualTo(1.0);
        });
        assertThat(get("/metrics").body().lines()).as("not overdue yet").anySatisfy(line -> assertThat(line)
                .startsWith("conversations_overdue{").contains(idLabel).endsWith(" 0.0"));
    }

    private static FeedbackAlert awaitAlert(KafkaConsumer<String, FeedbackAlert> consumer, String subject) {
        List<FeedbackAlert> alerts = new ArrayList<>();
        await("an alert about " + subject + " on " + Topics.ALERTS).atMost(DEADLINE)
                .untilAsserted(() -> {
                    consumer.poll(Duration.ofMillis(50)).forEach(record -> {
                        if (record.value().getSubject().equals(subject)) {
                            alerts.add(record.value());
                        }
                    });
                    assertThat(alerts).isNotEmpty();
                });
        return alerts.get(0);
    }

    private JsonNode awaitCsatAtHttp(String subject, long ratedResponses) {
        JsonNode[] figures = new JsonNode[1];
        await("CSAT of " + subject + " at the HTTP API").atMost(DEADLINE).untilAsserted(() -> {
            HttpResponse<String> response = get("/v1/subjects/" + subject + "/csat");
            assertThat(response.statusCode()).isEqualTo(200);
            figures[0] = JSON.readTree(response.body());
            assertThat(figures[0].get("ratedResponses").asLong()).isEqualTo(ratedResponses);
        });
        assertThat(figures[0].get("subject").asText()).isEqualTo(subject);
        return figures[0];
    }

    private void send(FeedbackReceived feedback) throws Exception {
        StreamsOnBroker.send(feedbackProducer, feedback);
    }

    private KafkaProducer<byte[], byte[]> rawProducer() {
        return new KafkaProducer<>(producerProperties(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return properties;
    }

    private <V> KafkaConsumer<String, V> consumer(String topic, Deserializer<V> values) {
        return subscribed(topic, new StringDeserializer(), values);
    }

    private KafkaConsumer<byte[], byte[]> consumer(String topic, ByteArrayDeserializer values) {
        return subscribed(topic, new ByteArrayDeserializer(), values);
    }

    private <K, V> KafkaConsumer<K, V> subscribed(String topic, Deserializer<K> keys, Deserializer<V> values) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "streams-it-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Only what Kafka Streams committed: exactly-once output as downstream readers see it.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(properties, keys, values);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
