package org.instantfeedback.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertSeverity;
import org.instantfeedback.events.SubjectScope;
import org.instantfeedback.notifier.config.NotifierConfig;
import org.instantfeedback.notifier.delivery.DeadLetters;
import org.instantfeedback.notifier.delivery.WebhookSignature;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.registry.SpecificAvroDeserializer;
import org.instantfeedback.registry.SpecificAvroSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * alert-notifier as it runs, on a real broker and schema registry, against a local webhook
 * receiver: alerts written with the registry serde (as feedback-streams writes them) reach the
 * right targets, each once and in order, through failures, restarts and refusals.
 */
@WithKafkaAndRegistry
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifierIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SECRET = "a-webhook-secret-of-the-ops-team";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<NotifierApp> apps = new ArrayList<>();
    private KafkaAndRegistry kafka;
    private KafkaProducer<String, FeedbackAlert> producer;
    private Receiver receiver;

    @BeforeAll
    void createTopics(KafkaAndRegistry kafka) {
        this.kafka = kafka;
        kafka.createTopics(Map.of(Topics.ALERTS, 2, Topics.DEAD_LETTER, 1));
        SpecificAvroSerializer<FeedbackAlert> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of(SchemaRegistrySettings.URL, kafka.schemaRegistryUrl()), false);
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(properties, new StringSerializer(), serializer);
    }

    @AfterAll
    void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = Receiver.start();
    }

    @AfterEach
    void stopEverything() {
        apps.forEach(NotifierApp::close);
        apps.clear();
        receiver.close();
    }

    @Test
    void every_alert_reaches_a_target_that_fails_for_a_while_once_and_in_order() throws Exception {
        // refused connections, then 500, then 429 (too many requests), then recovery
        receiver.goAway();
        startNotifier(webhook("flaky", "/flaky", "\"subjects\": [\"flaky-*\"]"));
        List<FeedbackAlert> sent = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            sent.addAll(Alerts.lifeOf(UUID.randomUUID().toString(), "flaky-" + i));
        }
        sent.forEach(this::send);

        await("retries while nothing listens").atMost(DEADLINE)
                .until(() -> metric(apps.get(0), "notifier_retries_total", "flaky") >= 3);
        receiver.answer("/flaky", 500);
        receiver.comeBack();
        await("retries while the receiver answers 500").atMost(DEADLINE).until(() -> receiver.failedAnswers() >= 3);
        receiver.answer("/flaky", 429);
        await("retries while the receiver answers 429").atMost(DEADLINE).until(() -> receiver.failedAnswers() >= 5);
        receiver.answer("/flaky", 200);
        List<String> sentinels = sendSentinels("flaky-end");

        await("every alert delivered").atMost(DEADLINE).untilAsserted(() ->
                assertThat(eventIds(receiver.accepted("/flaky"))).containsAll(sentinels));
        List<String> delivered = eventIds(receiver.accepted("/flaky"));
        assertThat(delivered).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(concat(eventIdsOf(sent), sentinels));
        for (int i = 0; i < sent.size(); i += 3) {
            String alertId = sent.get(i).getAlertId();
            assertThat(delivered.stream().filter(id -> id.startsWith(alertId)))
                    .as("events of %s in order", alertId)
                    .containsExactly(alertId + "#1", alertId + "#2", alertId + "#3");
        }
        // The receiver records a call before the notifier has read its answer and counted it.
        await("the notifier counts every delivery").atMost(DEADLINE).untilAsserted(() ->
                assertThat(metric(apps.get(0), "notifier_deliveries_total", "flaky", "outcome=\"delivered\""))
                        .isEqualTo(delivered.size()));
        assertThat(metric(apps.get(0), "notifier_deliveries_total", "flaky", "outcome=\"dead_lettered\"")).isZero();
    }

    @Test
    void a_notifier_restarted_mid_stream_repeats_nothing_and_loses_nothing() throws Exception {
        receiver.delayAnswers(100);
        String routes = webhook("restart", "/restart", "\"subjects\": [\"restart-*\"]");
        String group = startNotifier(routes);
        List<FeedbackAlert> sent = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sent.addAll(Alerts.lifeOf(UUID.randomUUID().toString(), "restart-" + i));
        }
        sent.forEach(this::send);
        await("some alerts delivered").atMost(DEADLINE).until(() -> receiver.accepted("/restart").size() >= 3);

        apps.remove(0).close();
        int beforeRestart = receiver.accepted("/restart").size();
        assertThat(beforeRestart).isLessThan(sent.size());
        startNotifier(routes, group);
        List<String> sentinels = sendSentinels("restart-end");

        await("the rest delivered after the restart").atMost(DEADLINE).untilAsserted(() ->
                assertThat(eventIds(receiver.accepted("/restart"))).containsAll(sentinels));
        assertThat(eventIds(receiver.accepted("/restart"))).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(concat(eventIdsOf(sent), sentinels));
    }

    @Test
    void webhook_calls_are_signed_json_and_slack_gets_a_message_each_routed_by_subject_or_group() throws Exception {
        startNotifier("{\"targets\": [" + webhookEntry("subjects-hook", "/hook", "\"subjects\": [\"sig-route-*\"]") + ","
                + "{\"name\": \"groups-slack\", \"type\": \"slack\", \"url\": \"" + receiver.url("/slack") + "\","
                + " \"groups\": [\"sig-depot-*\"], \"minSeverity\": \"CRITICAL\"}]}");
        String routeAlert = UUID.randomUUID().toString();
        String depotAlert = UUID.randomUUID().toString();
        FeedbackAlert forHook = Alerts.event(routeAlert, 1, "sig-route-1", FeedbackAlertEventType.OPENED,
                FeedbackAlertSeverity.WARNING);
        FeedbackAlert forSlack = Alerts.event(depotAlert, 2, SubjectScope.GROUP, "sig-depot-1",
                FeedbackAlertEventType.ESCALATED, FeedbackAlertSeverity.CRITICAL);
        send(forHook);
        send(Alerts.event(depotAlert, 1, SubjectScope.GROUP, "sig-depot-1", FeedbackAlertEventType.OPENED,
                FeedbackAlertSeverity.WARNING)); // below the Slack target's severity
        send(forSlack);
        send(Alerts.event(UUID.randomUUID().toString(), 1, SubjectScope.SUBJECT, "sig-depot-2",
                FeedbackAlertEventType.OPENED, FeedbackAlertSeverity.CRITICAL)); // a subject, not the group
        send(Alerts.event(routeAlert, 2, "sig-route-1", FeedbackAlertEventType.UPDATED,
                FeedbackAlertSeverity.WARNING)); // not an event type the hook wants
        send(Alerts.event(UUID.randomUUID().toString(), 1, "elsewhere-1", FeedbackAlertEventType.OPENED,
                FeedbackAlertSeverity.CRITICAL)); // nobody's
        List<String> hookSentinels = sendSentinels("sig-route-end");
        List<String> slackSentinels = new ArrayList<>();
        for (int partition = 0; partition < 2; partition++) {
            FeedbackAlert sentinel = Alerts.event(UUID.randomUUID().toString(), 1, SubjectScope.GROUP,
                    "sig-depot-end", FeedbackAlertEventType.OPENED, FeedbackAlertSeverity.CRITICAL);
            send(sentinel, partition);
            slackSentinels.add(sentinel.getEventId());
        }

        await("the last alerts at both targets").atMost(DEADLINE).untilAsserted(() -> {
            assertThat(eventIds(receiver.accepted("/hook"))).containsAll(hookSentinels);
            assertThat(slackEventIds()).containsAll(slackSentinels);
        });
        assertThat(eventIds(receiver.accepted("/hook"))).containsExactlyInAnyOrderElementsOf(
                concat(List.of(forHook.getEventId()), hookSentinels));
        assertThat(slackEventIds()).containsExactlyInAnyOrderElementsOf(
                concat(List.of(forSlack.getEventId()), slackSentinels));

        Receiver.Call hook = receiver.accepted("/hook").get(0);
        long timestamp = Long.parseLong(hook.header(WebhookSignature.TIMESTAMP_HEADER));
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
        assertThat(hook.header(WebhookSignature.SIGNATURE_HEADER))
                .isEqualTo("v1=" + hmacSha256Hex(SECRET, timestamp + "." + hook.body()));
        assertThat(hook.header(WebhookSignature.IDEMPOTENCY_HEADER)).isEqualTo(forHook.getEventId());
        JsonNode alert = JSON.readTree(hook.body());
        assertThat(alert.get("alertId").asText()).isEqualTo(routeAlert);
        assertThat(alert.get("scope").asText()).isEqualTo("SUBJECT");
        assertThat(alert.get("type").asText()).isEqualTo("OPENED");
        assertThat(alert.get("openedAt").asText()).isEqualTo("2026-11-22T08:15:00Z");
        assertThat(alert.at("/window/sizeMillis").asLong()).isEqualTo(900_000);
        assertThat(alert.at("/figures/csatPercent").asDouble()).isEqualTo(41.7);
        assertThat(alert.at("/figures/nps").isNull()).isTrue();
        assertThat(alert.get("examples").get(0).asText()).isEqualTo("driver <rude> & late again");

        Receiver.Call slack = receiver.accepted("/slack").get(0);
        assertThat(slack.header(WebhookSignature.SIGNATURE_HEADER)).isNull();
        JsonNode message = JSON.readTree(slack.body());
        assertThat(message.get("text").asText())
                .startsWith(":rotating_light: CRITICAL negative surge escalated on group sig-depot-1: Negative share");
        assertThat(message.at("/blocks/0/type").asText()).isEqualTo("section");
        assertThat(message.at("/blocks/0/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(message.at("/blocks/1/text/text").asText()).contains("driver &lt;rude&gt; &amp; late again");
        assertThat(message.at("/blocks/2/type").asText()).isEqualTo("context");
        assertThat(message.at("/blocks/2/elements/0/text").asText()).contains(forSlack.getEventId());
    }

    @Test
    void an_alert_the_target_refuses_for_good_goes_to_the_dead_letter_topic_with_the_reason() throws Exception {
        receiver.answer("/gone", 410);
        startNotifier(webhook("gone", "/gone", "\"subjects\": [\"gone-*\"]"));
        FeedbackAlert refused = Alerts.event(UUID.randomUUID().toString(), 1, "gone-1", FeedbackAlertEventType.OPENED,
                FeedbackAlertSeverity.WARNING);
        send(refused);

        ConsumerRecord<byte[], byte[]> deadLetter = awaitDeadLetter(refused.getAlertId());
        assertThat(header(deadLetter, DeadLetters.TARGET)).isEqualTo("gone");
        assertThat(header(deadLetter, DeadLetters.STATUS)).isEqualTo("410");
        assertThat(header(deadLetter, DeadLetters.REASON)).startsWith("HTTP 410");
        assertThat(header(deadLetter, DeadLetters.TOPIC)).isEqualTo(Topics.ALERTS);
        assertThat(alertDeserializer().deserialize(Topics.DEAD_LETTER, deadLetter.value())).isEqualTo(refused);
        assertThat(receiver.calls("/gone")).as("a refusal is not retried").hasSize(1);
        await("the dead letter counted").atMost(DEADLINE).until(() ->
                metric(apps.get(0), "notifier_deliveries_total", "gone", "outcome=\"dead_lettered\"") == 1);
    }

    private ConsumerRecord<byte[], byte[]> awaitDeadLetter(String alertId) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTER));
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            await("the refused alert on " + Topics.DEAD_LETTER).atMost(DEADLINE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (alertId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                });
                assertThat(found).isNotEmpty();
            });
            return found.get(0);
        }
    }

    private SpecificAvroDeserializer<FeedbackAlert> alertDeserializer() {
        SpecificAvroDeserializer<FeedbackAlert> deserializer = new SpecificAvroDeserializer<>(FeedbackAlert.class);
        deserializer.configure(Map.of(SchemaRegistrySettings.URL, kafka.schemaRegistryUrl()), false);
        return deserializer;
    }

    private String webhook(String name, String path, String routing) {
        return "{\"targets\": [" + webhookEntry(name, path, routing) + "]}";
    }

    private String webhookEntry(String name, String path, String routing) {
        return "{\"name\": \"" + name + "\", \"type\": \"webhook\", \"url\": \"" + receiver.url(path) + "\","
                + " \"secret\": \"${HOOK_SECRET}\", " + routing + "}";
    }

    /** Starts a notifier in a new consumer group; returns the group. */
    private String startNotifier(String routes) throws IOException {
        String group = "notifier-it-" + UUID.randomUUID();
        startNotifier(routes, group);
        return group;
    }

    private void startNotifier(String routes, String group) throws IOException {
        Path file = Files.createTempFile("routes", ".json");
        file.toFile().deleteOnExit();
        Files.writeString(file, routes);
        Map<String, String> env = new HashMap<>();
        env.put("NOTIFIER_HTTP_PORT", "0");
        env.put("NOTIFIER_ROUTES_FILE", file.toString());
        env.put("NOTIFIER_GROUP_ID", group);
        env.put("NOTIFIER_RETRY_INITIAL_BACKOFF", "PT0.1S");
        env.put("NOTIFIER_RETRY_MAX_BACKOFF", "PT0.5S");
        env.put("NOTIFIER_REQUEST_TIMEOUT", "PT2S");
        env.put("HOOK_SECRET", SECRET);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("KAFKA_AUTO_OFFSET_RESET", "earliest");
        env.put("SCHEMA_REGISTRY_URL", kafka.schemaRegistryUrl());
        NotifierApp app = NotifierApp.create(NotifierConfig.from(env));
        apps.add(app);
        app.start();
        await("the notifier ready").atMost(DEADLINE).until(() -> get(app, "/health/ready").statusCode() == 200);
    }

    private void send(FeedbackAlert alert) {
        send(alert, null);
    }

    private void send(FeedbackAlert alert, Integer partition) {
        try {
            producer.send(new ProducerRecord<>(Topics.ALERTS, partition, alert.getAlertId(), alert))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not send " + alert.getEventId(), e);
        }
    }

    /** One last alert on each partition: once both arrived, everything sent before them has. */
    private List<String> sendSentinels(String subject) {
        List<String> ids = new ArrayList<>();
        for (int partition = 0; partition < 2; partition++) {
            FeedbackAlert sentinel = Alerts.event(UUID.randomUUID().toString(), 1, subject,
                    FeedbackAlertEventType.OPENED, FeedbackAlertSeverity.CRITICAL);
            send(sentinel, partition);
            ids.add(sentinel.getEventId());
        }
        return ids;
    }

    private List<String> slackEventIds() {
        return receiver.accepted("/slack").stream().map(call -> {
            try {
                String context = JSON.readTree(call.body()).at("/blocks/2/elements/0/text").asText();
                return context.replaceAll("^.*event `([^`]+)`.*$", "$1");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static List<String> eventIds(List<Receiver.Call> calls) {
        return calls.stream().map(call -> call.header(WebhookSignature.IDEMPOTENCY_HEADER)).toList();
    }

    private static List<String> eventIdsOf(List<FeedbackAlert> alerts) {
        return alerts.stream().map(FeedbackAlert::getEventId).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private double metric(NotifierApp app, String name, String target, String... labels) throws Exception {
        String scrape = get(app, "/metrics").body();
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains("target=\"" + target + "\""))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private HttpResponse<String> get(NotifierApp app, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String hmacSha256Hex(String secret, String text) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
