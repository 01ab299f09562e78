package org.instantfeedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.embedded.privacy.PersonalData;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;
import org.instantfeedback.ingest.config.SubjectSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /v1/feedback and its neighbours against a real broker and schema registry. */
@WithKafkaAndRegistry
class FeedbackEndpointIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final IngestOnBroker INGEST = new IngestOnBroker();

    private static IngestHttpClient client;
    private static IngestHttpClient restrictedClient;
    private static FeedbackTopicReader topic;

    @BeforeAll
    static void startIngest(KafkaAndRegistry runtime) throws Exception {
        client = INGEST.start(runtime);
        restrictedClient = INGEST.start(runtime, SubjectSettings.SUBJECT_ALLOWLIST.name(), "route-*, branch-central");
        topic = INGEST.topic();
    }

    @Test
    void accepts_valid_feedback_once_kafka_has_exactly_that_event() throws Exception {
        String subject = uniqueSubject();
        Instant before = Instant.now();

        HttpResponse<String> response = client.postJson("{\"subject\":\"" + subject + "\",\"rating\":9,"
                + "\"scale\":\"nps-0-10\",\"comment\":\"Clean and on time\",\"occurredAt\":\"2026-01-15T07:45:00Z\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        String id = JSON.readTree(response.body()).path("id").asText();
        assertThat(UUID.fromString(id)).isNotNull();

        ConsumerRecord<String, FeedbackReceived> record = topic.awaitEvent(id);
        assertThat(record.topic()).isEqualTo(Topics.FEEDBACK_RECEIVED);
        assertThat(record.key()).isEqualTo(subject);
        assertThat(record.timestamp()).isEqualTo(Instant.parse("2026-01-15T07:45:00Z").toEpochMilli());
        FeedbackReceived event = record.value();
        assertThat(event.getEventId()).isEqualTo(id);
        assertThat(event.getChannel()).isEqualTo(Channel.WEB);
        assertThat(event.getSubject()).isEqualTo(subject);
        assertThat(event.getRating()).isEqualTo(new Rating(9, RatingScale.NPS_0_10));
        assertThat(event.getText()).isEqualTo("Clean and on time");
        assertThat(event.getSenderPseudonym()).isNull();
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-01-15T07:45:00Z"));
        assertThat(event.getReceivedAt()).isBetween(before.minusMillis(1), Instant.now());
        assertThat(topic.recordsWithKey(subject)).hasSize(1);
    }

    @Test
    void uses_the_idempotency_key_as_the_event_id() {
        String key = "kiosk-7:" + UUID.randomUUID();

        HttpResponse<String> response = client.postJson("{\"subject\":\"" + uniqueSubject() + "\",\"rating\":4}",
                "Idempotency-Key", key);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"id\":\"" + key + "\"}");
        assertThat(topic.awaitEvent(key).value().getEventId()).isEqualTo(key);
    }

    @Test
    void rates_on_five_stars_now_when_no_scale_or_time_is_given() throws Exception {
        Instant before = Instant.now();

        HttpResponse<String> response = client.postJson("{\"subject\":\"" + uniqueSubject() + "\",\"rating\":5}");

        assertThat(response.statusCode()).isEqualTo(202);
        FeedbackReceived event = topic.awaitEvent(idOf(response)).value();
        assertThat(event.getRating()).isEqualTo(new Rating(5, RatingScale.STARS_5));
        assertThat(event.getText()).isNull();
        assertThat(event.getOccurredAt()).isBetween(before.minusMillis(1), Instant.now());
    }

    @Test
    void accepts_a_comment_alone_and_ignores_fields_it_does_not_know() throws Exception {
        HttpResponse<String> response = client.postJson("{\"subject\":\"" + uniqueSubject() + "\","
                + "\"comment\":\"The stop announcements were inaudible\",\"device\":{\"model\":\"kiosk-2\"}}");

        assertThat(response.statusCode()).isEqualTo(202);
        FeedbackReceived event = topic.awaitEvent(idOf(response)).value();
        assertThat(event.getRating()).isNull();
        assertThat(event.getText()).isEqualTo("The stop announcements were inaudible");
    }

    static Stream<Arguments> invalidFeedback() {
        return Stream.of(
                Arguments.of("{\"rating\":5}", "subject"),
                Arguments.of("{\"subject\":\"  \",\"rating\":5}", "subject"),
                Arguments.of("{\"subject\":\"" + "x".repeat(65) + "\",\"rating\":5}", "subject"),
                Arguments.of("{\"subject\":\"route<script>\",\"rating\":5}", "subject"),
                Arguments.of("{\"subject\":\"07700 900123\",\"rating\":5}", "subject"),
                Arguments.of("{\"subject\":42,\"rating\":5}", "subject"),
                Arguments.of("{\"subject\":\"route-1\",\"rating\":6}", "rating"),
                Arguments.of("{\"subject\":\"route-1\",\"rating\":0}", "rating"),
                Arguments.of("{\"subject\":\"route-1\",\"rating\":11,\"scale\":\"nps-0-10\"}", "rating"),
                Arguments.of("{\"subject\":\"route-1\",\"rating\":2,\"scale\":\"thumbs\"}", "rating"),
                Arguments.of("{\"subject\":\"route-1\",\"rating\":5,\"scale\":\"smiley-4\"}", "rating"),
                Arguments.of("{\"subject\":\"route-1\",\"rating\":\"5\"}", "rating"),
                Arguments.of("{\"subject\":\"route-1\",\"rating\":4.5}", "rating"),
                Arguments.of("{\"subject\":\"route-1\"}", "rating"),
                Arguments.of("{\"subject\":\"route-1\",\"rating\":3,\"scale\":\"stars-10\"}", "scale"),
                Arguments.of("{\"subject\":\"route-1\",\"comment\":\"" + "x".repeat(1001) + "\"}", "comment"),
                Arguments.of("{\"subject\":\"route-1\",\"rating\":3,\"occurredAt\":\"yesterday\"}", "occurredAt"),
                Arguments.of("{\"subject\":\"route-1\",\"rating\":3,\"occurredAt\":\""
                        + Instant.now().plusSeconds(600) + "\"}", "occurredAt"));
    }

    @ParameterizedTest
    @MethodSource("invalidFeedback")
    void rejects_invalid_feedback_naming_the_field(String body, String field) throws Exception {
        HttpResponse<String> response = client.postJson(body);

        JsonNode problem = problemOf(response, 400);
        assertThat(problem.path("type").asText()).isEqualTo("urn:instantfeedback:problem:invalid-feedback");
        assertThat(fieldsNamedIn(problem)).containsExactly(field);
        assertThat(problem.path("errors").get(0).path("message").asText()).isNotBlank();
    }

    @Test
    void names_every_invalid_field_at_once() throws Exception {
        HttpResponse<String> response = client.postJson("{\"subject\":\"\",\"rating\":7,\"scale\":\"stars-5\","
                + "\"comment\":false,\"occurredAt\":\"2999-01-01T00:00:00Z\"}", "Idempotency-Key", "not valid");

        assertThat(fieldsNamedIn(problemOf(response, 400)))
                .containsExactly("subject", "rating", "comment", "occurredAt", "Idempotency-Key");
    }

    @Test
    void never_writes_rejected_feedback_to_kafka() throws Exception {
        String subject = uniqueSubject();
        assertThat(client.postJson("{\"subject\":\"" + subject + "\",\"rating\":99}").statusCode()).isEqualTo(400);

        String id = idOf(client.postJson("{\"subject\":\"" + subject + "\",\"rating\":1}"));

        topic.awaitEvent(id);
        assertThat(topic.recordsWithKey(subject)).extracting(record -> record.value().getEventId()).containsExactly(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void refuses_bodies_that_are_not_json(String contentType) throws Exception {
        HttpResponse<String> response = client.post(contentType, "{\"subject\":\"route-1\",\"rating\":5}");

        assertThat(problemOf(response, 415).path("type").asText())
                .isEqualTo("urn:instantfeedback:problem:unsupported-media-type");
    }

    @Test
    void refuses_a_body_without_content_type() throws Exception {
        HttpResponse<String> response = client.post(null, "{\"subject\":\"route-1\",\"rating\":5}");

        problemOf(response, 415);
    }

    @Test
    void refuses_a_body_over_sixteen_kibibytes() throws Exception {
        String comment = "x".repeat(16 * 1024);

        HttpResponse<String> response = client.postJson("{\"subject\":\"route-1\",\"comment\":\"" + comment + "\"}");

        JsonNode problem = problemOf(response, 413);
        assertThat(problem.path("type").asText()).isEqualTo("urn:instantfeedback:problem:payload-too-large");
        assertThat(problem.path("detail").asText()).contains("16384 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"subject\": route-1}", "[{\"subject\":\"route-1\",\"rating\":5}]", "\"hi\"",
        "{\"subject\":\"route-1\",\"rating\":5} trailing", "{\"subject\":\"a\",\"subject\":\"b\",\"rating\":5}"})
    void refuses_malformed_json(String body) throws Exception {
        HttpResponse<String> response = client.postJson(body);

        JsonNode problem = problemOf(response, 400);
        assertThat(problem.path("type").asText()).isEqualTo("urn:instantfeedback:problem:malformed-json");
        assertThat(problem.has("errors")).isFalse();
    }

    @Test
    void answers_unknown_routes_with_a_problem_document() throws Exception {
        HttpResponse<String> response = client.get("/v1/nothing-here");

        JsonNode problem = problemOf(response, 404);
        assertThat(problem.path("type").asText()).isEqualTo("urn:instantfeedback:problem:not-found");
        assertThat(problem.path("detail").asText()).contains("/v1/nothing-here");
    }

    @Test
    void answers_a_wrong_method_with_a_problem_document() throws Exception {
        HttpResponse<String> response = client.get("/v1/feedback");

        assertThat(problemOf(response, 405).path("type").asText())
                .isEqualTo("urn:instantfeedback:problem:method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(
                allowed -> assertThat(allowed).contains("POST"));
    }

    @Test
    void is_live_and_ready_when_kafka_and_the_registry_answer() throws Exception {
        HttpResponse<String> live = client.get("/health/live");
        HttpResponse<String> ready = client.get("/health/ready");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(ready.body());
        assertThat(report.path("status").asText()).isEqualTo("UP");
        assertThat(report.path("checks").path("kafka").asText()).isEqualTo("UP");
        assertThat(report.path("checks").path("schemaRegistry").asText()).isEqualTo("UP");
    }

    @Test
    void exposes_producer_jvm_and_http_metrics_for_prometheus() {
        assertThat(client.postJson("{\"subject\":\"" + uniqueSubject() + "\",\"rating\":3}").statusCode())
                .isEqualTo(202);
        client.postJson("{}");

        HttpResponse<String> metrics = client.get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body())
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"202\""
                        + "[^}]*uri=\"/v1/feedback\"[^}]*\\} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"400\"[^}]*uri=\"/v1/feedback\"")
                .containsPattern("kafka_producer_record_send_total\\{[^}]*\\} [1-9]")
                .contains("jvm_memory_used_bytes", "process_uptime_seconds");
    }

    @ParameterizedTest
    @CsvSource({"stars-5, 1, STARS_5", "nps-0-10, 0, NPS_0_10", "nps-0-10, 10, NPS_0_10", "thumbs, 0, THUMBS",
        "thumbs, 1, THUMBS", "smiley-4, 1, SMILEY_4", "smiley-4, 4, SMILEY_4"})
    void keeps_the_rating_on_the_scale_it_was_given_on(String scale, int value, RatingScale expected)
            throws Exception {
        HttpResponse<String> response = client.postJson("{\"subject\":\"" + uniqueSubject() + "\",\"rating\":"
                + value + ",\"scale\":\"" + scale + "\"}");

        assertThat(topic.awaitEvent(idOf(response)).value().getRating()).isEqualTo(new Rating(value, expected));
    }

    @Test
    void answers_a_retry_with_the_same_idempotency_key_as_a_duplicate_and_stores_it_once() throws Exception {
        String subject = uniqueSubject();
        String key = "retry-" + UUID.randomUUID();
        String body = "{\"subject\":\"" + subject + "\",\"rating\":2}";

        HttpResponse<String> first = client.postJson(body, "Idempotency-Key", key);
        HttpResponse<String> retry = client.postJson(body, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(retry.body()).path("id").asText()).isEqualTo(key);
        assertThat(JSON.readTree(retry.body()).path("duplicate").asBoolean()).isTrue();
        String marker = idOf(client.postJson(body));
        topic.awaitEvent(marker);
        assertThat(topic.recordsWithKey(subject)).extracting(record -> record.value().getEventId())
                .containsExactly(key, marker);
    }

    @Test
    void masks_phone_numbers_and_email_addresses_in_comments_before_they_reach_kafka() throws Exception {
        HttpResponse<String> response = client.postJson("{\"subject\":\"" + uniqueSubject() + "\",\"comment\":"
                + "\"Lost my bag on route 42, call " + PersonalData.NUMBER_IN_TEXT + " or "
                + PersonalData.INTERNATIONAL_NUMBER_IN_TEXT + " or mail " + PersonalData.EMAIL_IN_TEXT + "\"}");

        assertThat(topic.awaitEvent(idOf(response)).value().getText())
                .isEqualTo("Lost my bag on route 42, call [phone] or [phone] or mail [email]");
    }

    @Test
    void refuses_a_body_that_is_not_utf_8() throws Exception {
        byte[] latin1 = "{\"subject\":\"route-1\",\"comment\":\"Gr\u00fc\u00dfe\"}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = client.postTo("/v1/feedback", "application/json", latin1);

        JsonNode problem = problemOf(response, 400);
        assertThat(problem.path("type").asText()).isEqualTo("urn:instantfeedback:problem:invalid-encoding");
        assertThat(problem.path("detail").asText()).contains("UTF-8");
    }

    @Test
    void refuses_half_a_character_spelled_as_a_json_escape() throws Exception {
        HttpResponse<String> response = client.postJson("{\"subject\":\"route-1\",\"comment\":\"bad \\ud800 text\"}");

        assertThat(fieldsNamedIn(problemOf(response, 400))).containsExactly("comment");
    }

    @Test
    void records_the_channel_a_client_names_and_refuses_channels_with_endpoints_of_their_own() throws Exception {
        HttpResponse<String> qr = client.postJson("{\"subject\":\"" + uniqueSubject() + "\",\"rating\":5,"
                + "\"channel\":\"qr\"}");
        HttpResponse<String> sms = client.postJson("{\"subject\":\"route-1\",\"rating\":5,\"channel\":\"sms\"}");

        assertThat(topic.awaitEvent(idOf(qr)).value().getChannel()).isEqualTo(Channel.QR);
        assertThat(fieldsNamedIn(problemOf(sms, 400))).containsExactly("channel");
    }

    @Test
    void takes_feedback_only_about_subjects_on_the_allow_list_when_one_is_configured() throws Exception {
        HttpResponse<String> route = restrictedClient.postJson("{\"subject\":\"route-77\",\"rating\":4}");
        HttpResponse<String> branch = restrictedClient.postJson("{\"subject\":\"branch-central\",\"rating\":4}");
        HttpResponse<String> unknown = restrictedClient.postJson("{\"subject\":\"branch-nowhere\",\"rating\":4}");

        assertThat(route.statusCode()).isEqualTo(202);
        assertThat(branch.statusCode()).isEqualTo(202);
        JsonNode problem = problemOf(unknown, 400);
        assertThat(fieldsNamedIn(problem)).containsExactly("subject");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("not a subject");
    }

    @ParameterizedTest
    @CsvSource({"/v1/sms/twilio, application/x-www-form-urlencoded", "/v1/sms, application/json",
        "/v1/feedback/batch, application/json", "/v1/voice/twilio, application/x-www-form-urlencoded",
        "/v1/voice/twilio/rating, application/x-www-form-urlencoded"})
    void keeps_channels_switched_off_until_their_credentials_are_configured(String path, String contentType)
            throws Exception {
        HttpResponse<String> response = client.postTo(path, contentType, "{}");

        JsonNode problem = problemOf(response, 404);
        assertThat(problem.path("type").asText()).isEqualTo("urn:instantfeedback:problem:channel-not-configured");
        assertThat(problem.path("detail").asText()).contains("INGEST_");
    }

    private static JsonNode problemOf(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        return problem;
    }

    private static List<String> fieldsNamedIn(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private static String idOf(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).path("id").asText();
    }

    private static String uniqueSubject() {
        return "route-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
