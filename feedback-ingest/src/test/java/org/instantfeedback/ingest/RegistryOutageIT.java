package org.instantfeedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A fresh instance whose schema registry cannot be reached must refuse feedback, not lose it. */
@WithKafkaAndRegistry
class RegistryOutageIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static IngestApp app;
    private static IngestHttpClient client;

    @BeforeAll
    static void startIngestWithoutRegistry(KafkaAndRegistry runtime) throws Exception {
        runtime.createTopics(Map.of(Topics.FEEDBACK_RECEIVED, 1));
        app = TestIngest.start(TestIngest.env(runtime,
                "SCHEMA_REGISTRY_URL", "http://localhost:" + closedPort(),
                "INGEST_PUBLISH_TIMEOUT_MS", "2000"));
        client = new IngestHttpClient(app.port());
    }

    @AfterAll
    static void stopIngest() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void answers_503_with_retry_after_when_the_registry_is_unreachable() throws Exception {
        HttpResponse<String> response = client.postJson("{\"subject\":\"route-1\",\"rating\":4}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(JSON.readTree(response.body()).path("type").asText())
                .isEqualTo("urn:instantfeedback:problem:service-unavailable");
    }

    @Test
    void reports_not_ready_naming_the_registry() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> ready = client.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode report = JSON.readTree(ready.body());
            assertThat(report.path("checks").path("schemaRegistry").asText()).isEqualTo("DOWN");
            assertThat(report.path("checks").path("kafka").asText()).isEqualTo("UP");
        });
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
