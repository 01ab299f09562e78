package org.instantfeedback.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.instantfeedback.local.simulator.OpsPace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code NOTIFIER_ROUTES_FILE} set, the local run also tells a (local) Slack webhook about alerts. */
class LocalRunNotificationsIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private HttpServer slack;

    @BeforeEach
    void startSlack() throws IOException {
        slack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        slack.createContext("/", exchange -> {
            messages.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        slack.start();
    }

    @AfterEach
    void stopSlack() {
        slack.stop(0);
    }

    @Test
    void an_urgent_report_posted_to_the_local_run_reaches_the_slack_webhook_of_the_routes_file(@TempDir Path dir)
            throws Exception {
        Path routes = dir.resolve("routes.json");
        Files.writeString(routes, "{\"targets\":[{\"name\":\"local-slack\",\"type\":\"slack\",\"url\":\"http://127.0.0.1:"
                + slack.getAddress().getPort() + "/hook\"}]}");
        LocalRunOptions options = new LocalRunOptions(0, 0, 0, 0, 0, 1, false, 1, new OpsPace(0.7, Duration.ofMinutes(1)),
                dir.resolve("state"));
        try (LocalRun run = LocalRun.start(options, Map.of("NOTIFIER_ROUTES_FILE", routes.toString(),
                "NOTIFIER_HTTP_PORT", "0"))) {
            String subject = "route-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(run.ingestUri().resolve("/v1/feedback"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"" + subject
                            + "\",\"comment\":\"driver was drunk and crashed into a car\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(202);

            await("the alert in the Slack channel").atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(messages).anySatisfy(message -> assertThat(message)
                            .contains("CRITICAL urgent report opened on subject " + subject)));
            URI notifier = run.notifierUri().orElseThrow();
            assertThat(http.send(HttpRequest.newBuilder(notifier.resolve("/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("\"local-slack\":\"DELIVERING\"");
        }
    }
}
