package org.instantfeedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A registry that answers but refuses (here: the credentials lack permission) is a fault an
 * operator must fix, not a reason to retry: 500, logged, with no internals in the answer.
 */
@WithKafkaAndRegistry
class RegistryRefusalIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpServer refusingRegistry;
    private static IngestApp app;
    private static IngestHttpClient client;

    @BeforeAll
    static void startIngestWithARegistryThatRefuses(KafkaAndRegistry runtime) throws Exception {
        runtime.createTopics(Map.of(Topics.FEEDBACK_RECEIVED, 1));
        refusingRegistry = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        refusingRegistry.createContext("/", exchange -> {
            byte[] body = "{\"error_code\":40301,\"message\":\"User is denied operation Write on Subject\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        refusingRegistry.start();
        app = TestIngest.start(TestIngest.env(runtime,
                "SCHEMA_REGISTRY_URL", "http://localhost:" + refusingRegistry.getAddress().getPort()));
        client = new IngestHttpClient(app.port());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (refusingRegistry != null) {
            refusingRegistry.stop(0);
        }
    }

    @Test
    void answers_500_without_internals_when_the_registry_refuses_the_schema() throws Exception {
        HttpResponse<String> response = client.postJson("{\"subject\":\"route-1\",\"rating\":4}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:instantfeedback:problem:internal-error");
        assertThat(problem.path("status").asInt()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("Exception", "denied", "\tat ", "registry");
    }
}
