package org.instantfeedback.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthEndpointsTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicBoolean consuming = new AtomicBoolean(true);
    private Javalin server;

    @BeforeEach
    void start() {
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            HealthEndpoints.serve(config.routes, () -> new ProbeAnswer(consuming.get(),
                    Map.of("targets", Map.of("ops-slack", consuming.get() ? "DELIVERING" : "STARTING"))));
        }).start(0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void is_live_while_it_serves_http() throws Exception {
        HttpResponse<String> live = get(HealthEndpoints.LIVE_PATH);

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void is_ready_when_the_service_says_so_and_says_what_it_checked() throws Exception {
        HttpResponse<String> ready = get(HealthEndpoints.READY_PATH);

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"UP\",\"targets\":{\"ops-slack\":\"DELIVERING\"}}");
    }

    @Test
    void answers_503_with_status_down_when_the_service_is_not_ready() throws Exception {
        consuming.set(false);

        HttpResponse<String> ready = get(HealthEndpoints.READY_PATH);

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("DOWN");
        assertThat(JSON.readTree(ready.body()).get("targets").get("ops-slack").asText()).isEqualTo("STARTING");
    }

    @Test
    void reports_each_dependency_check_and_names_those_not_reachable() {
        Readiness readiness = new Readiness(List.of(check("kafka", true), check("schemaRegistry", false)));
        try (readiness) {
            ProbeAnswer answer = readiness.probe();

            assertThat(answer.ready()).isFalse();
            assertThat(answer.body()).containsEntry("status", "DOWN")
                    .containsEntry("checks", Map.of("kafka", "UP", "schemaRegistry", "DOWN"))
                    .containsEntry("detail", "not reachable: schemaRegistry");
        }
    }

    private static DependencyCheck check(String name, boolean reachable) {
        return new DependencyCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isReachable(Duration timeout) {
                return reachable;
            }
        };
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
