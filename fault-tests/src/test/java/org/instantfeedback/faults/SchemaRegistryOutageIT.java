package org.instantfeedback.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.EmbeddedSchemaRegistry;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.ingest.IngestApp;
import org.instantfeedback.streams.StreamsApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault 5: the schema registry goes away. Services that already know their schemas keep taking
 * and counting feedback from their caches; an ingest instance that never reached a registry
 * refuses feedback with a 503 and says why on its readiness probe, rather than losing it, and a
 * feedback-streams process that cannot reach one stops at once and says where it looked. The
 * registry here is the test's own (the JVM-wide one other test classes share stays up).
 */
@WithKafkaAndRegistry
class SchemaRegistryOutageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SUBMISSIONS = 200;
    private static final String SUBJECTS = "registry-route-";

    @TempDir
    Path stateDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @SuppressWarnings("try") // feedback-streams only has to run (and count) inside the try
    void running_ingest_and_streams_keep_counting_from_cached_schemas_while_the_registry_is_down(KafkaAndRegistry kafka)
            throws Exception {
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RetryingFeedbackClient.Tally tally = new RetryingFeedbackClient.Tally();
        Map<String, FeedbackReceived> accepted = new HashMap<>();
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start();
        Clients clients = new Clients(kafka, registry.url());
        clients.createTopics();
        try (IngestApp ingest = Services.startIngest(Services.ingestEnv(kafka, registry.url()));
             StreamsApp streams = Services.startStreams(Services.streamsEnv(kafka, registry.url(),
                     "fault-registry-" + UUID.randomUUID(), stateDir))) {
            warmUp(clients, ingest.port());
            registry.close();
            assertThat(registry.isRunning()).as("registry stopped").isFalse();

            RetryingFeedbackClient client = new RetryingFeedbackClient(ingest.port(), tally);
            for (int n = 0; n < SUBMISSIONS; n++) {
                String key = "registry-" + n;
                String subject = SUBJECTS + (n % 5);
                int stars = 1 + n % 5;
                Optional<Integer> status = client.submit(key, subject, stars, occurredAt, Instant.now().plusSeconds(30));
                if (status.equals(Optional.of(202))) {
                    accepted.put(key, FeedbackMix.webRating(key, subject, stars, occurredAt));
                }
            }
            await("every accepted submission on feedback.scored.v1 with the registry down")
                    .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ScoredOutput.read(clients, SUBJECTS).containsAll(accepted.keySet()));
        } finally {
            registry.close();
        }

        ScoredOutput scored = ScoredOutput.read(clients, SUBJECTS);
        ExpectedCsat expected = new ExpectedCsat(Duration.ofMinutes(15), Duration.ofMinutes(1));
        accepted.values().forEach(expected::add);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("answered503", tally.unavailable.get());
        details.put("resent", tally.resent.get());
        details.put("csatWindowsCompared", expected.windows().size());
        new ReliabilityResult("registry-outage-running-services", tally.sent.get(), accepted.size(),
                tally.unavailable.get() + tally.otherStatus.get(), scored.missing(accepted.keySet()),
                scored.countedTwice(), details).record();

        assertThat(accepted).as("submissions accepted with the registry down").hasSize(SUBMISSIONS);
        assertThat(scored.missing(accepted.keySet())).as("accepted but not counted").isZero();
        assertThat(scored.countedTwice()).as("counted twice").isZero();
        assertThat(CsatOutput.read(clients).windowsOf(SUBJECTS)).isEqualTo(expected.windows());
    }

    @Test
    void ingest_started_without_a_reachable_registry_refuses_feedback_with_503_and_names_the_registry(
            KafkaAndRegistry kafka) throws Exception {
        Clients clients = new Clients(kafka);
        clients.createTopics();
        try (IngestApp ingest = Services.startIngest(Services.ingestEnv(kafka, "http://localhost:" + closedPort()))) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + ingest.port() + "/v1/feedback"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"" + SUBJECTS + "x\",\"rating\":4}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();

            await("readiness naming the registry").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + ingest.port() + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(ready.statusCode()).isEqualTo(503);
                JsonNode report = JSON.readTree(ready.body());
                assertThat(report.path("checks").path("schemaRegistry").asText()).isEqualTo("DOWN");
            });
        }
        // Read as raw bytes: the other test of this class left records written against its own registry.
        String refusedSubject = SUBJECTS + "x";
        assertThat(TopicContents.readAll(clients.rawReader(Topics.FEEDBACK_RECEIVED)).stream()
                .filter(record -> record.key() != null
                        && refusedSubject.equals(new String(record.key(), StandardCharsets.UTF_8))))
                .as("nothing half-written").isEmpty();
        new ReliabilityResult("registry-unreachable-at-ingest-start", 1, 0, 1, 0, 0,
                Map.of("answer", "503 with Retry-After", "readiness", "503, schemaRegistry DOWN")).record();
    }

    @Test
    void streams_started_without_a_reachable_registry_exits_with_status_2_and_names_the_registry(
            KafkaAndRegistry kafka) throws Exception {
        String registryUrl = "http://localhost:" + closedPort();
        ServiceProcess streams = ServiceProcess.streams(Services.streamsEnv(kafka, registryUrl,
                "registry-unreachable-" + UUID.randomUUID(), stateDir.resolve("no-registry")), "streams-no-registry");

        int status = streams.exitStatusWithin(Duration.ofSeconds(90));

        assertThat(status).as(streams.output()).isEqualTo(2);
        assertThat(streams.output()).contains("feedback-streams cannot start").contains(registryUrl)
                .contains("SCHEMA_REGISTRY_URL");
        new ReliabilityResult("registry-unreachable-at-streams-start", 1, 0, 1, 0, 0,
                Map.of("answer", "exit status 2, the registry named")).record();
    }

    /**
     * Takes every schema the services write through the registry once: a rating (feedback, scored,
     * CSAT, metrics) and an urgent report (an alert), then waits until they came out; reading them
     * teaches the test's own readers those schemas too.
     */
    private void warmUp(Clients clients, int ingestPort) throws Exception {
        // No random id in it: ingest refuses subjects with nine digits in a row (they look like phone numbers).
        String subject = "registry-warm-up-route";
        post(ingestPort, "{\"subject\":\"" + subject + "\",\"rating\":5}");
        post(ingestPort, "{\"subject\":\"" + subject + "\",\"comment\":\"driver was drunk and crashed into a car\"}");
        // a rating with a comment: its example for the text model on feedback.rated-texts.v1 registers that schema
        post(ingestPort, "{\"subject\":\"" + subject + "\",\"rating\":2,\"comment\":\"late again\"}");
        await("the warm-up alert on " + Topics.ALERTS).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> TopicContents.readAll(clients.avroReader(Topics.ALERTS, FeedbackAlert.class)).stream()
                        .anyMatch(record -> record.value().getSubject().equals(subject)));
        await("the warm-up rating on " + Topics.FEEDBACK_SCORED).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> ScoredOutput.read(clients, subject).copiesByEventId().size() == 3);
        await("the warm-up rating on " + Topics.CSAT).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !CsatOutput.read(clients).windowsOf(subject).isEmpty());
    }

    private void post(int port, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v1/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }


    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
