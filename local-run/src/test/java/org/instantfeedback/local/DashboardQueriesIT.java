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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.notifier.NotifierApp;
import org.instantfeedback.notifier.config.NotifierConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard against the metrics the services really expose: ingest, streams and the
 * notifier run on a real broker and registry, feedback goes in until an alert has been delivered,
 * ops acknowledge and resolve it, and then every metric a dashboard query selects must be in the
 * /metrics of the job it names. The scrapes are kept in target/dashboard-queries.
 */
@WithKafkaAndRegistry
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueriesIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Duration METER_REFRESH_DEADLINE = Duration.ofSeconds(150);
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Made by Prometheus itself for every target, not by a service. */
    private static final String PROMETHEUS_OWN = "up";
    private static final Path SCRAPES = Path.of("target", "dashboard-queries");

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer slack;
    private IngestAndStreams services;
    private NotifierApp notifier;
    private KafkaProducer<String, String> actions;
    private final List<String> slackAlertIds = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startServices(KafkaAndRegistry kafka, @TempDir Path dir) throws IOException {
        slack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        slack.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher alertId = Pattern.compile("alert `([^`]+)`").matcher(body);
            if (alertId.find()) {
                slackAlertIds.add(alertId.group(1));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        slack.start();
        Path routes = dir.resolve("routes.json");
        Files.writeString(routes, "{\"targets\":[{\"name\":\"ops-slack\",\"type\":\"slack\",\"url\":\"http://127.0.0.1:"
                + slack.getAddress().getPort() + "/hook\"}]}");

        Map<String, String> env = IngestAndStreams.settings(kafka, "dashboard-queries", dir.resolve("state"));
        env.put("STREAMS_API_AUTH", "none"); // metrics are open anyway; the query API is not used here
        services = IngestAndStreams.start(env);

        Map<String, String> notifierEnv = new HashMap<>(env);
        notifierEnv.put(NotifierConfig.NOTIFIER_HTTP_PORT.name(), "0");
        notifierEnv.put(NotifierConfig.NOTIFIER_ROUTES_FILE.name(), routes.toString());
        notifierEnv.put("KAFKA_AUTO_OFFSET_RESET", "earliest");
        notifier = NotifierApp.create(NotifierConfig.from(notifierEnv));
        notifier.start();
        actions = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    void stopServices() {
        if (actions != null) {
            actions.close(Duration.ofSeconds(10));
        }
        if (notifier != null) {
            notifier.close();
        }
        if (services != null) {
            services.close();
        }
        if (slack != null) {
            slack.stop(0);
        }
    }

    @Test
    void every_metric_the_dashboard_shows_is_exposed_by_the_service_it_is_read_from() throws Exception {
        String subject = "route-" + UUID.randomUUID().toString().substring(0, 8);
        // a rating (CSAT) with an urgent text (an alert, which the notifier delivers), sent twice
        // with one Idempotency-Key (a duplicate)
        String feedback = "{\"subject\":\"" + subject + "\",\"rating\":1,\"occurredAt\":\"" + Instant.now()
                + "\",\"comment\":\"driver was drunk and crashed into a car\"}";
        post(feedback, "dashboard-" + subject);
        post(feedback, "dashboard-" + subject);
        await("the alert delivered by the notifier").atMost(DEADLINE).until(() -> !slackAlertIds.isEmpty());
        // ops acknowledge and resolve it, so the handling-time timers have something to show
        String alertId = slackAlertIds.get(0);
        act(subject, alertId, "ACKNOWLEDGE");
        act(subject, alertId, "RESOLVE");
        await("the alert resolved").atMost(DEADLINE)
                .until(() -> scrape(services.streams().port()).contains("feedback_alerts_time_to_resolve_seconds_count{"));
        get(services.streams().port(), "/health/ready"); // a request the streams API times

        List<DashboardFile.Selector> selectors = DashboardFile.read(ROOT).selectors().stream()
                .filter(selector -> !selector.metric().equals(PROMETHEUS_OWN))
                .toList();
        assertThat(selectors).isNotEmpty().allSatisfy(selector ->
                assertThat(selector.jobs()).as("the job of %s", selector.query()).isNotEmpty());
        // Micrometer adds the meters of Kafka metrics born after binding (task and per-partition
        // ones, such as dropped records and records-lag) at its next refresh, once a minute.
        await("every metric the dashboard reads").atMost(METER_REFRESH_DEADLINE).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    Map<String, String> scrapes = Map.of(
                            "feedback-ingest", scrape(services.ingest().port()),
                            "feedback-streams", scrape(services.streams().port()),
                            "alert-notifier", scrape(notifier.port()));
                    keep(scrapes);
                    assertThat(missing(selectors, scrapes))
                            .as("metrics the dashboard reads that no service exposes (scrapes in %s)", SCRAPES)
                            .isEmpty();
                });
    }

    private static List<String> missing(List<DashboardFile.Selector> selectors, Map<String, String> scrapes) {
        return selectors.stream()
                .flatMap(selector -> selector.jobs().stream()
                        .filter(job -> !Pattern.compile("(?m)^" + selector.metric() + "[{ ]").matcher(scrapes.get(job)).find())
                        .map(job -> selector.metric() + " in /metrics of " + job))
                .distinct()
                .toList();
    }

    private void act(String subject, String alertId, String action) throws Exception {
        String json = "{\"alertId\":\"" + alertId + "\",\"action\":\"" + action + "\",\"actor\":\"alice\","
                + "\"note\":\"on it\",\"at\":\"" + Instant.now() + "\"}";
        actions.send(new ProducerRecord<>(Topics.ALERT_ACTIONS, "subject:" + subject + ":urgent-report", json))
                .get(30, TimeUnit.SECONDS);
    }

    /** The scrapes, for whoever wonders why a name is missing. */
    private static void keep(Map<String, String> scrapes) throws IOException {
        Files.createDirectories(SCRAPES);
        for (Map.Entry<String, String> scrape : scrapes.entrySet()) {
            Files.writeString(SCRAPES.resolve(scrape.getKey() + ".prom"), scrape.getValue());
        }
    }

    private void post(String json, String idempotencyKey) throws IOException, InterruptedException {
        HttpResponse<String> response = services.postFeedback(json, "Idempotency-Key", idempotencyKey);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private String scrape(int port) throws IOException, InterruptedException {
        return get(port, "/metrics");
    }

    private String get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
