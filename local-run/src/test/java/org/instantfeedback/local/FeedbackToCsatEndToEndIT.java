package org.instantfeedback.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.events.CsatWindow;
import org.instantfeedback.registry.SpecificAvroDeserializer;
import org.instantfeedback.streams.http.ApiSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on a real broker and a real schema registry: feedback posted to ingest over HTTP
 * comes out of feedback-streams as CSAT, on the topic and at the read endpoint.
 */
@WithKafkaAndRegistry
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackToCsatEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private IngestAndStreams services;
    private KafkaAndRegistry kafka;

    @BeforeAll
    void startServices(KafkaAndRegistry kafka, @TempDir Path stateDir) {
        this.kafka = kafka;
        Map<String, String> env = IngestAndStreams.settings(kafka, "end-to-end", stateDir);
        env.put(ApiSettings.STREAMS_API_AUTH, "none");
        services = IngestAndStreams.start(env);
        // Until Kafka Streams runs, the read endpoint rightly answers 503 ("ask again"), not 404.
        await().atMost(DEADLINE).until(() -> get("/health/ready").statusCode() == 200);
    }

    @AfterAll
    void stopServices() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void posted_ratings_become_csat_on_the_topic_and_at_the_read_endpoint() throws Exception {
        String subject = "route-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        for (int rating : new int[] {5, 4, 2}) {
            HttpResponse<String> response = post("{\"subject\":\"" + subject + "\",\"rating\":" + rating
                    + ",\"occurredAt\":\"" + now + "\",\"comment\":\"ride " + rating + "\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            assertThat(JSON.readTree(response.body()).path("id").asText()).isNotBlank();
        }

        CsatWindow latest = awaitCsatOnTopic(subject, 3);
        assertThat(latest.getSatisfiedResponses()).isEqualTo(2);
        assertThat(latest.getCsatPercent()).isEqualTo(66.7);
        assertThat(latest.getAverageRating()).isEqualTo(3.67);

        JsonNode figures = awaitFiguresAtReadEndpoint(subject, 3);
        assertThat(figures.path("satisfiedResponses").asLong()).isEqualTo(2);
        assertThat(figures.path("csatPercent").asDouble()).isEqualTo(66.7);
    }

    @Test
    void the_read_endpoint_says_when_a_subject_has_no_figures() throws Exception {
        HttpResponse<String> response = get("/v1/subjects/never-rated/csat");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private CsatWindow awaitCsatOnTopic(String subject, long ratedResponses) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // Streams writes in transactions: see only what it committed, as a dashboard would.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                "schema.registry.url", kafka.schemaRegistryUrl());
        List<CsatWindow> seen = new ArrayList<>();
        try (KafkaConsumer<String, CsatWindow> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                deserializer(config))) {
            consumer.subscribe(List.of(Topics.CSAT));
            await().atMost(DEADLINE).until(() -> {
                for (ConsumerRecord<String, CsatWindow> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(subject)) {
                        seen.add(record.value());
                    }
                }
                return seen.stream().anyMatch(window -> window.getRatedResponses() == ratedResponses);
            });
        }
        return seen.stream().filter(window -> window.getRatedResponses() == ratedResponses).findFirst().orElseThrow();
    }

    private static SpecificAvroDeserializer<CsatWindow> deserializer(Map<String, Object> config) {
        SpecificAvroDeserializer<CsatWindow> deserializer = new SpecificAvroDeserializer<>(CsatWindow.class);
        deserializer.configure(config, false);
        return deserializer;
    }

    private JsonNode awaitFiguresAtReadEndpoint(String subject, long ratedResponses) {
        JsonNode[] figures = new JsonNode[1];
        await().atMost(DEADLINE).until(() -> {
            HttpResponse<String> response = get("/v1/subjects/" + subject + "/csat");
            if (response.statusCode() != 200) {
                return false;
            }
            figures[0] = JSON.readTree(response.body());
            return figures[0].path("ratedResponses").asLong() == ratedResponses;
        });
        return figures[0];
    }

    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return services.postFeedback(json);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return services.getFromStreams(path);
    }
}
