package org.instantfeedback.streams.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.registry.MockSchemaRegistry;
import org.instantfeedback.streams.config.StreamsAppConfig;
import org.instantfeedback.streams.csat.CsatQueries;
import org.instantfeedback.streams.csat.CsatTally;
import org.instantfeedback.streams.csat.CsatTopology;
import org.instantfeedback.streams.csat.CsatWindowSpec;
import org.instantfeedback.streams.csat.Feedback;
import org.instantfeedback.streams.feedback.EventSerdes;
import org.instantfeedback.streams.feedback.FeedbackTopology;
import org.instantfeedback.streams.feedback.TestScorers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API over a CSAT store filled by the real topology (in a TopologyTestDriver), on a port
 * the OS picks, with the clock fixed at 12:10 on the test day.
 */
class HttpApiTest {
    private static final Instant NOW = Instant.parse("2026-05-04T12:10:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;

    private final String registryScope = "http-api-" + UUID.randomUUID();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<KafkaStreams.State> streamsState = new AtomicReference<>(KafkaStreams.State.RUNNING);
    private final AtomicReference<Boolean> storeQueryable = new AtomicReference<>(true);
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private EventSerdes serdes;
    private TopologyTestDriver driver;
    private Javalin http;

    @BeforeEach
    void startApi() {
        StreamsAppConfig config = StreamsAppConfig.from(Map.of(
                StreamsAppConfig.KAFKA_APPLICATION_ID, "http-api-test-" + UUID.randomUUID(),
                StreamsAppConfig.KAFKA_STATE_DIR, stateDir.toString(),
                StreamsAppConfig.SCHEMA_REGISTRY_URL, "mock://" + registryScope));
        serdes = EventSerdes.forRegistry(config.registrySettings());
        driver = new TopologyTestDriver(FeedbackTopology.buildTopology(
                CsatWindowSpec.DEFAULT, config.dedupeHorizon(), TestScorers.standard(), serdes), config.streamsProperties());
        TestInputTopic<String, FeedbackReceived> feedback =
                driver.createInputTopic(Topics.FEEDBACK_RECEIVED, new StringSerializer(), serdes.feedback().serializer());
        for (int stars : new int[] {5, 4, 4, 2}) {
            FeedbackReceived event = Feedback.stars("route-42", stars, NOW.minus(Duration.ofMinutes(stars)));
            feedback.pipeInput(event.getSubject(), event, event.getReceivedAt());
        }

        CsatQueries queries = new CsatQueries(CsatWindowSpec.DEFAULT, this::store);
        http = HttpApi.create(queries, streamsState::get, metrics, Clock.fixed(NOW, ZoneOffset.UTC)).start(0);
    }

    @AfterEach
    void stop() {
        http.stop();
        driver.close();
        serdes.close();
        MockSchemaRegistry.drop(registryScope);
    }

    @Test
    void serves_the_figures_of_the_trailing_window_of_a_subject() throws Exception {
        HttpResponse<String> response = get("/v1/subjects/route-42/csat");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("subject").asText()).isEqualTo("route-42");
        assertThat(body.get("windowStart").asText()).isEqualTo("2026-05-04T11:56:00Z");
        assertThat(body.get("windowEnd").asText()).isEqualTo("2026-05-04T12:11:00Z");
        assertThat(body.get("ratedResponses").asLong()).isEqualTo(4);
        assertThat(body.get("satisfiedResponses").asLong()).isEqualTo(3);
        assertThat(body.get("csatPercent").asDouble()).isEqualTo(75.0);
        assertThat(body.get("averageRating").asDouble()).isEqualTo(3.75);
        assertThat(body.get("updatedAt").asText()).isEqualTo("2026-05-04T12:08:00Z");
    }

    @Test
    void answers_for_another_moment_when_asked_with_at() throws Exception {
        HttpResponse<String> response = get("/v1/subjects/route-42/csat?at=2026-05-04T12:06:30Z");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("windowStart").asText()).isEqualTo("2026-05-04T11:52:00Z");
        assertThat(body.get("ratedResponses").asLong()).as("the 5 and both 4s, not the 2 of 12:08").isEqualTo(3);
        assertThat(body.get("csatPercent").asDouble()).isEqualTo(100.0);
    }

    @Test
    void a_subject_without_ratings_in_the_window_is_a_404_problem() throws Exception {
        HttpResponse<String> response = get("/v1/subjects/branch-7/csat");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(ProblemJson.CONTENT_TYPE));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/no-csat-figures");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asText()).contains("branch-7");
    }

    @Test
    void an_at_that_is_not_an_instant_is_a_400_problem_naming_the_field() throws Exception {
        HttpResponse<String> response = get("/v1/subjects/route-42/csat?at=yesterday");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("at");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("ISO-8601");
    }

    @Test
    void while_the_store_is_not_queryable_it_answers_503_with_retry_after() throws Exception {
        storeQueryable.set(false);

        HttpResponse<String> response = get("/v1/subjects/route-42/csat");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(ProblemJson.CONTENT_TYPE));
        assertThat(JSON.readTree(response.body()).get("type").asText()).isEqualTo("/problems/store-not-queryable");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void is_ready_only_while_kafka_streams_is_running_but_always_alive() throws Exception {
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);

        streamsState.set(KafkaStreams.State.REBALANCING);

        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("REBALANCING");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void a_moment_before_1970_is_a_400_problem() throws Exception {
        HttpResponse<String> response = get("/v1/subjects/route-42/csat?at=1969-12-31T23:59:59Z");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").get(0).get("field").asText()).isEqualTo("at");
    }

    @Test
    void an_unknown_address_is_a_404_problem() throws Exception {
        HttpResponse<String> response = get("/v1/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(ProblemJson.CONTENT_TYPE));
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void metrics_time_requests_by_route_template_in_prometheus_format() throws Exception {
        get("/v1/subjects/route-42/csat");
        get("/v1/subjects/branch-7/csat");
        get("/v1/nothing-here");

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/v1/subjects/{subject}/csat\"")
                .contains("status=\"404\"")
                .contains("uri=\"NOT_FOUND\"")
                .doesNotContain("route-42")
                .doesNotContain("nothing-here");
    }

    private ReadOnlyWindowStore<String, CsatTally> store() {
        if (!storeQueryable.get()) {
            throw new InvalidStateStoreException("the state store, " + CsatTopology.STORE + ", may have migrated");
        }
        return driver.getWindowStore(CsatTopology.STORE);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + http.port() + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
