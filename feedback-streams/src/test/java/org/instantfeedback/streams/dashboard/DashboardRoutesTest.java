package org.instantfeedback.streams.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.instantfeedback.streams.http.QueryHttpApi;
import org.instantfeedback.streams.http.QueryProblems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's page and its live stream over real HTTP, on a port the OS picks. */
class DashboardRoutesTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LiveBroadcaster broadcaster;
    private Javalin http;

    @BeforeEach
    void start() {
        broadcaster = new LiveBroadcaster(64, 2, Duration.ofMillis(200), Clock.systemUTC(), new SimpleMeterRegistry());
        broadcaster.start();
        http = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            DashboardRoutes.register(config.routes, broadcaster);
            QueryProblems.mapper(QueryHttpApi.objectMapper()).registerOn(config.routes);
        }).start(0);
    }

    @AfterEach
    void stop() {
        broadcaster.close();
        http.stop();
    }

    @Test
    void the_root_leads_to_the_dashboard_page() throws Exception {
        for (String path : List.of("/", "/dashboard")) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).hasValue("/dashboard/");
        }
    }

    @Test
    void serves_a_self_contained_page_locked_to_its_own_origin() throws Exception {
        HttpResponse<String> page = get("/dashboard/");
        HttpResponse<String> script = get("/dashboard/dashboard.js");
        HttpResponse<String> style = get("/dashboard/dashboard.css");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.replace(" ", "")).isEqualToIgnoringCase("text/html;charset=utf-8"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'"));
        assertThat(page.body()).contains("<html lang=\"en\">", "name=\"viewport\"", "aria-live=\"polite\"")
                .doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.replace(" ", "")).isEqualToIgnoringCase("text/javascript;charset=utf-8"));
        assertThat(script.body()).as("calls only the API of the origin it came from")
                .contains("const API = '../v1/';").doesNotContainPattern("(fetch|src|href)\\W+(https?:)?//");
        assertThat(style.statusCode()).isEqualTo(200);
    }

    @Test
    void answers_an_unknown_dashboard_file_with_a_problem() throws Exception {
        HttpResponse<String> response = get("/dashboard/secrets.txt");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void streams_published_events_and_heartbeats_as_server_sent_events() throws Exception {
        HttpResponse<InputStream> response = client.send(request("/v1/live"), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.replace(" ", "")).isEqualToIgnoringCase("text/event-stream;charset=utf-8"));
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = readLines(response.body(), lines);
        await().atMost(Duration.ofSeconds(10)).until(() -> broadcaster.clients() == 1);

        broadcaster.publish(LiveEvent.of(LiveEvent.ALERT, "{\"alertId\":\"a-1\",\"status\":\"open\"}"));

        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("data: {\"alertId\":\"a-1\",\"status\":\"open\"}"));
        int data = lines.indexOf("data: {\"alertId\":\"a-1\",\"status\":\"open\"}");
        assertThat(lines.get(data - 1)).isEqualTo("event: alert");
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event: heartbeat"));
        response.body().close();
        reader.interrupt();
    }

    @Test
    void a_viewer_that_goes_away_frees_its_place() throws Exception {
        HttpResponse<InputStream> response = client.send(request("/v1/live"), HttpResponse.BodyHandlers.ofInputStream());
        await().atMost(Duration.ofSeconds(10)).until(() -> broadcaster.clients() == 1);

        response.body().close();

        // The next heartbeat finds the connection closed and ends the viewer.
        await().atMost(Duration.ofSeconds(10)).until(() -> broadcaster.clients() == 0);
    }

    @Test
    void turns_viewers_beyond_the_limit_away_with_503_and_retry_after() throws Exception {
        HttpResponse<InputStream> first = client.send(request("/v1/live"), HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> second = client.send(request("/v1/live"), HttpResponse.BodyHandlers.ofInputStream());
        await().atMost(Duration.ofSeconds(10)).until(() -> broadcaster.clients() == 2);

        HttpResponse<String> third = get("/v1/live");

        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        assertThat(third.body()).contains("too-many-viewers");
        first.body().close();
        second.body().close();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + http.port() + path)).build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private static Thread readLines(InputStream body, List<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // the test closed the stream
            }
        }, "sse-reader");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
