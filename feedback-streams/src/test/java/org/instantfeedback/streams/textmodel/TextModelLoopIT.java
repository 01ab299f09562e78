package org.instantfeedback.streams.textmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.events.FeedbackSentiment;
import org.instantfeedback.events.RatingScale;
import org.instantfeedback.events.TextModelPublished;
import org.instantfeedback.streams.StreamsApp;
import org.instantfeedback.streams.StreamsOnBroker;
import org.instantfeedback.streams.csat.Feedback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The operator loop on a real broker and registry: two instances of one deployment gather a Sofia
 * operator's rated Bulgarian SMS, one of them trains, judges and publishes a model that reads
 * Bulgarian, both instances switch to it, and an unrated Bulgarian text (UNKNOWN to the base
 * model) reads negative. An instance started afterwards reads with the promoted model from its
 * first record; a deployment pinned to the base model keeps it.
 */
@WithKafkaAndRegistry
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextModelLoopIT {
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String BULGARIAN = "/org/instantfeedback/scoring/model/rated_bulgarian_sms.tsv";
    private static final String COMPLAINT = "Трамвай 5 пак закъсня с 30 минути, чакахме на студа";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<StreamsApp> apps = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private KafkaAndRegistry kafka;
    private StreamsOnBroker streams;
    private StreamsApp pinned;

    @BeforeAll
    void startTwoInstancesAndAPinnedOne(KafkaAndRegistry kafka) throws Exception {
        this.kafka = kafka;
        streams = new StreamsOnBroker(kafka);
        apps.add(start("sofia-" + run, Map.of()));
        apps.add(start("sofia-" + run, Map.of()));
        pinned = start("sofia-pinned-" + run, Map.of(TextModelSettings.TEXT_MODEL_VERSION, "base-1",
                TextModelSettings.TEXT_MODEL_LEARNING, "false"));
        await("every instance running").atMost(DEADLINE).until(() -> apps.stream().allMatch(app ->
                app.state() == KafkaStreams.State.RUNNING) && pinned.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    void stopInstances() {
        if (streams != null) {
            streams.close();
        }
    }

    @Test
    void rated_bulgarian_sms_teach_every_instance_to_read_bulgarian() throws Exception {
        String before = send(Feedback.textOnly("tram-5", COMPLAINT, Instant.now()));
        assertThat(scoredOf(before, scored -> true).getSentimentLabel()).as("the base model's reading")
                .isEqualTo(FeedbackSentiment.UNKNOWN);

        List<FeedbackReceived> rated = bulgarianRatedFeedback();
        try (KafkaProducer<String, FeedbackReceived> producer = streams.feedbackProducer()) {
            for (FeedbackReceived feedback : rated) {
                producer.send(new ProducerRecord<>(Topics.FEEDBACK_RECEIVED, feedback.getSubject(), feedback));
            }
            producer.flush();
        }

        TextModelPublished published = await("a promoted model on " + Topics.TEXT_MODELS).atMost(DEADLINE)
                .until(this::firstPublished, model -> model != null);
        assertThat(published.getVersion()).isEqualTo("op-1");
        assertThat(published.getLanguages()).contains("bg", "en", "und");
        assertThat(published.getJudgedAgainst()).isEqualTo("base-1");
        assertThat(published.getTrainedOn() + published.getHeldBack()).isGreaterThanOrEqualTo(100);
        assertThat(published.getAccuracy()).isGreaterThan(published.getJudgedAgainstAccuracy());
        for (StreamsApp app : apps) {
            await("instance on port " + app.port() + " reads with op-1").atMost(DEADLINE)
                    .until(() -> metrics(app).contains("feedback_text_model_generation{application=\"sofia-" + run
                            + "\"} 1.0"));
        }
        assertThat(apps.stream().map(this::metrics).filter(text -> text.contains(
                "feedback_text_model_trainings_total{application=\"sofia-" + run + "\",outcome=\"promoted\"} 1.0")))
                .as("one instance trained").hasSize(1);

        String after = send(Feedback.textOnly("tram-5", COMPLAINT, Instant.now()));
        // the pinned deployment scores it too (UNKNOWN, no model); this deployment's reading names op-1
        FeedbackScored reread = scoredOf(after, scored -> scored.getModelVersion() != null);
        assertThat(reread.getSentimentLabel()).isEqualTo(FeedbackSentiment.NEGATIVE);
        assertThat(reread.getModelVersion()).isEqualTo("op-1");
        assertThat(reread.getLanguage()).isEqualTo("bg");

        assertThat(metrics(pinned)).as("the pinned deployment stays with the base model")
                .contains("feedback_text_model_generation{application=\"sofia-pinned-" + run + "\"} 0.0");

        StreamsApp late = start("sofia-" + run, Map.of());
        apps.add(late);
        assertThat(metrics(late)).as("a new instance reads with op-1 before it reads any feedback")
                .contains("feedback_text_model_generation{application=\"sofia-" + run + "\"} 1.0");
    }

    private StreamsApp start(String applicationId, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "STREAMS_ADVERTISED_URL", "http://localhost",
                "STREAMS_API_AUTH", "none"));
        // one round, once all 420 rated texts are in; the next would wait ten minutes
        env.put(TextModelSettings.TEXT_MODEL_MIN_EXAMPLES, "420");
        env.put(TextModelSettings.TEXT_MODEL_RETRAIN_AFTER, "1");
        env.put(TextModelSettings.TEXT_MODEL_RETRAIN_GAP, "PT10M");
        // the floor is the operator's choice; text-scoring's tests hold the default of 0.7 on these
        // texts in file order, here they arrive in any order (0.75 to 0.85 measured over 8 orders)
        env.put(TextModelSettings.TEXT_MODEL_LANGUAGE_FLOOR, "0.65");
        env.putAll(extra);
        return streams.start(applicationId, env);
    }

    private static List<FeedbackReceived> bulgarianRatedFeedback() throws IOException {
        List<FeedbackReceived> rated = new ArrayList<>();
        Instant at = Instant.now().minus(Duration.ofHours(1));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                TextModelLoopIT.class.getResourceAsStream(BULGARIAN), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] fields = line.split("\t", 2);
                    rated.add(Feedback.ratedText("tram-" + rated.size() % 7, Integer.parseInt(fields[0]),
                            RatingScale.STARS_5, fields[1], at.plusSeconds(rated.size())));
                }
            }
        }
        return rated;
    }

    private String send(FeedbackReceived feedback) throws Exception {
        try (KafkaProducer<String, FeedbackReceived> producer = streams.feedbackProducer()) {
            StreamsOnBroker.send(producer, feedback);
        }
        return feedback.getEventId();
    }

    /** A scoring of one event, read committed from feedback.scored.v1 (each deployment writes one). */
    private FeedbackScored scoredOf(String eventId, Predicate<FeedbackScored> wanted) {
        try (KafkaConsumer<String, FeedbackScored> consumer = consumer(FeedbackScored.class)) {
            consumer.subscribe(List.of(Topics.FEEDBACK_SCORED));
            return await("the scoring of " + eventId).atMost(DEADLINE).until(() -> {
                for (ConsumerRecord<String, FeedbackScored> record : consumer.poll(Duration.ofMillis(200))) {
                    FeedbackScored scored = record.value();
                    if (scored.getFeedback().getEventId().equals(eventId) && wanted.test(scored)) {
                        return scored;
                    }
                }
                return null;
            }, scored -> scored != null);
        }
    }

    private TextModelPublished firstPublished() {
        try (KafkaConsumer<String, TextModelPublished> consumer = consumer(TextModelPublished.class)) {
            consumer.subscribe(List.of(Topics.TEXT_MODELS));
            for (int poll = 0; poll < 5; poll++) {
                for (ConsumerRecord<String, TextModelPublished> record : consumer.poll(Duration.ofMillis(400))) {
                    return record.value();
                }
            }
            return null;
        }
    }

    private <T extends org.apache.avro.specific.SpecificRecord> KafkaConsumer<String, T> consumer(Class<T> type) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "text-model-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, TextModelTopics.MAX_MODEL_BYTES);
        return new KafkaConsumer<>(properties, new StringDeserializer(), streams.deserializer(type));
    }

    private String metrics(StreamsApp app) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
