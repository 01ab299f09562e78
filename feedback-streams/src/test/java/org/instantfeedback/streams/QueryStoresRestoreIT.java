package org.instantfeedback.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.streams.csat.Feedback;
import org.junit.jupiter.api.Test;

/**
 * An instance that starts with an empty state directory, in place of one that stopped, answers
 * the query API with what the stopped one answered, before any new feedback: the latest figures
 * come back from the compacted feedback.metrics.latest.v1 (the read-only store's changelog), the
 * series from the history store's changelog, CSAT from the slices' changelog.
 */
@WithKafkaAndRegistry
class QueryStoresRestoreIT {
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "restore-token";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void a_fresh_instance_restores_the_figures_the_stopped_one_answered(KafkaAndRegistry kafka) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String subject = "route-restore-" + run;
        Map<String, String> settings = Map.of("STREAMS_API_TOKENS", TOKEN);
        try (StreamsOnBroker streams = new StreamsOnBroker(kafka)) {
            String applicationId = "query-restore-" + run;
            StreamsApp first = streams.start(applicationId, settings);
            awaitRunning(first);
            Instant now = Instant.now();
            try (KafkaProducer<String, FeedbackReceived> producer = streams.feedbackProducer()) {
                StreamsOnBroker.send(producer, Feedback.stars(subject, 5, now.minusSeconds(30)));
                StreamsOnBroker.send(producer, Feedback.stars(subject, 4, now.minusSeconds(20)));
                StreamsOnBroker.send(producer, Feedback.stars(subject, 1, now.minusSeconds(10)));
            }
            JsonNode before = await("figures of " + subject).atMost(DEADLINE).until(() -> csat(first, subject),
                    body -> body != null && body.path("current").path("responses").asLong() == 3
                            && body.path("ratedResponses").asLong() == 3);
            first.close();

            StreamsApp second = streams.start(applicationId, settings);
            awaitRunning(second);
            JsonNode after = await("figures of " + subject + " restored").atMost(DEADLINE)
                    .until(() -> csat(second, subject), body -> body != null);
            assertThat(after.get("current")).as("latest figures").isEqualTo(before.get("current"));
            assertThat(after.get("series")).as("series").isEqualTo(before.get("series"));
            assertThat(after.get("ratedResponses")).as("CSAT").isEqualTo(before.get("ratedResponses"));
            assertThat(after.get("csatPercent")).isEqualTo(before.get("csatPercent"));

            HttpResponse<String> subjects = get(second, "/v1/subjects");
            assertThat(subjects.statusCode()).as(subjects.body()).isEqualTo(200);
            assertThat(subjects.body()).as("the subject listed from the restored latest figures").contains(subject);
            second.close();
        }
    }

    /** The subject's CSAT answer once it holds the rolling figures too, else null (503, 404, not there yet). */
    private JsonNode csat(StreamsApp app, String subject) throws Exception {
        HttpResponse<String> response = get(app, "/v1/subjects/" + subject + "/csat");
        if (response.statusCode() != 200) {
            return null;
        }
        JsonNode body = JSON.readTree(response.body());
        return body.path("current").isMissingNode() || body.path("current").isNull() ? null : body;
    }

    private HttpResponse<String> get(StreamsApp app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitRunning(StreamsApp app) {
        await("instance running").atMost(DEADLINE).until(() -> app.state() == KafkaStreams.State.RUNNING);
    }
}
