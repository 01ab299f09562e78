package org.instantfeedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.embedded.privacy.KafkaPrivacyScan;
import org.instantfeedback.embedded.privacy.PersonalData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What clients see while the broker is down: 503 with Retry-After, never a 2xx for feedback that
 * was not stored, and service as usual once the broker is back.
 */
@WithKafkaAndRegistry
class KafkaOutageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TWILIO_AUTH_TOKEN = "twilio-outage-test-auth-token-0123456789";
    private static final String VOICE_RATING_PATH = "/v1/voice/twilio/rating";

    private KafkaAndRegistry runtime;
    private IngestApp app;
    private IngestHttpClient client;

    @BeforeEach
    void startIngest(KafkaAndRegistry runtime) {
        this.runtime = runtime;
        runtime.createTopics(Map.of(Topics.FEEDBACK_RECEIVED, 1));
        app = TestIngest.start(TestIngest.env(runtime,
                "INGEST_PUBLISH_TIMEOUT_MS", "2000",
                "INGEST_RETRY_AFTER_SECONDS", "7",
                "INGEST_TWILIO_AUTH_TOKEN", TWILIO_AUTH_TOKEN));
        client = new IngestHttpClient(app.port());
    }

    @AfterEach
    void stopIngest() {
        app.close();
    }

    @AfterAll
    static void findNoPersonalDataOnTheBroker(KafkaAndRegistry runtime) {
        KafkaPrivacyScan.assertNoPersonalDataOn(runtime);
    }

    @Test
    void answers_503_with_retry_after_while_kafka_is_down_and_202_once_it_is_back() throws Exception {
        String subject = "route-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(client.postJson(feedback(subject)).statusCode()).isEqualTo(202);

        runtime.stopBroker();
        try {
            long start = System.nanoTime();
            HttpResponse<String> refused = client.postJson(feedback(subject), "Idempotency-Key", "outage-" + subject);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(refused.body()).path("type").asText())
                    .isEqualTo("urn:instantfeedback:problem:service-unavailable");
            // The limit is the feature: a client told "try later" within the publish timeout (2 s
            // here), not left hanging; 10 s leaves room for a loaded machine.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        } finally {
            runtime.startBroker();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(client.postJson(feedback(subject), "Idempotency-Key", "outage-" + subject).statusCode())
                        .isEqualTo(202));
        try (FeedbackTopicReader topic = new FeedbackTopicReader(runtime.bootstrapServers(),
                runtime.schemaRegistryUrl())) {
            assertThat(topic.awaitEvent("outage-" + subject).key()).isEqualTo(subject);
        }
    }

    @Test
    void tells_a_caller_their_rating_was_not_recorded_while_kafka_is_down_instead_of_an_error() {
        String sid = "CA" + UUID.randomUUID().toString().replace("-", "");

        runtime.stopBroker();
        try {
            HttpResponse<String> answer = TwilioRequests.postSigned(client, VOICE_RATING_PATH,
                    client.uri(VOICE_RATING_PATH).toString(), TWILIO_AUTH_TOKEN,
                    TwilioVoiceEndpointIT.keyed(sid, PersonalData.PASSENGER, "+442079460000", "4"));

            // Twilio plays its own error message for anything but TwiML, so the caller hears ours.
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                    + "<Say voice=\"alice\" language=\"en-GB\">Sorry, we could not record your rating. Please try"
                    + " again later. Goodbye.</Say><Hangup/></Response>");
        } finally {
            runtime.startBroker();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(client.get("/health/ready").statusCode()).isEqualTo(200));
    }

    @Test
    void reports_not_ready_naming_kafka_while_the_broker_is_down() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(client.get("/health/ready").statusCode()).isEqualTo(200));

        runtime.stopBroker();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> ready = client.get("/health/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                JsonNode report = JSON.readTree(ready.body());
                assertThat(report.path("checks").path("kafka").asText()).isEqualTo("DOWN");
                assertThat(report.path("checks").path("schemaRegistry").asText()).isEqualTo("UP");
                assertThat(report.path("detail").asText()).contains("kafka");
            });
            assertThat(client.get("/health/live").statusCode()).isEqualTo(200);
        } finally {
            runtime.startBroker();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(client.get("/health/ready").statusCode()).isEqualTo(200));
    }

    @Test
    void answers_a_request_in_flight_before_it_shuts_down() throws Exception {
        String subject = "route-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(client.postJson(feedback(subject)).statusCode()).isEqualTo(202);

        runtime.stopBroker();
        try {
            CompletableFuture<HttpResponse<String>> inFlight = client.postJsonAsync(feedback(subject));
            await().atMost(Duration.ofSeconds(10)).until(this::anotherRequestIsInFlight);

            app.close();

            HttpResponse<String> answer = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("7");
        } finally {
            runtime.startBroker();
        }
    }

    /** Besides the scrape asking. */
    private boolean anotherRequestIsInFlight() {
        return metricValue(client.get("/metrics").body(), "http_server_requests_in_flight") >= 2;
    }

    private static double metricValue(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(metrics);
        assertThat(matcher.find()).as(name + " in /metrics").isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static String feedback(String subject) {
        return "{\"subject\":\"" + subject + "\",\"rating\":2,\"comment\":\"Bus did not come\"}";
    }
}
