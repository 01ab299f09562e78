package org.instantfeedback.streams.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.service.problem.Problem;
import org.instantfeedback.streams.csat.Feedback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API over stores filled by the real topology (in a TopologyTestDriver), on a port the OS
 * picks, with the clock fixed at 12:10 on the test day: route-42 got four star ratings, route-7 an
 * urgent report.
 */
class QueryHttpApiTest {
    private static final Instant NOW = Instant.parse("2026-05-04T12:10:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private QueryApiFixture api;

    @BeforeEach
    void startApi() {
        api = new QueryApiFixture(stateDir, NOW, Map.of(ApiSettings.STREAMS_API_AUTH, "none"));
        for (int stars : new int[] {5, 4, 4, 2}) {
            api.send(Feedback.stars("route-42", stars, NOW.minus(Duration.ofMinutes(stars))));
        }
        api.send(Feedback.textOnly("route-7", "driver was drunk and crashed into a car", NOW.minusSeconds(30)));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void serves_the_figures_of_the_trailing_window_of_a_subject() throws Exception {
        HttpResponse<String> response = get("/v1/subjects/route-42/csat");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("subject").asText()).isEqualTo("route-42");
        assertThat(body.get("windowStart").asText()).isEqualTo("2026-05-04T11:56:00Z");
        assertThat(body.get("windowEnd").asText()).isEqualTo("2026-05-04T12:11:00Z");
        assertThat(body.get("ratedResponses").asLong()).isEqualTo(4);
        assertThat(body.get("satisfiedResponses").asLong()).isEqualTo(3);
        assertThat(body.get("csatPercent").asDouble()).isEqualTo(75.0);
        assertThat(body.get("averageRating").asDouble()).isEqualTo(3.75);
        assertThat(body.get("updatedAt").asText()).isEqualTo("2026-05-04T12:08:00Z");
    }

    @Test
    void gives_the_current_figures_of_the_chosen_window_and_their_series() throws Exception {
        HttpResponse<String> response = get("/v1/subjects/route-42/csat?window=PT1H");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("window").asText()).isEqualTo("PT1H");
        JsonNode current = body.get("current");
        assertThat(current.get("window").asText()).isEqualTo("PT1H");
        assertThat(current.get("responses").asLong()).isEqualTo(4);
        assertThat(current.get("ratedResponses").asLong()).isEqualTo(4);
        assertThat(current.get("csatPercent").asDouble()).isEqualTo(75.0);
        assertThat(current.get("windowEnd").asText()).isEqualTo("2026-05-04T12:09:00Z");
        List<String> ends = new ArrayList<>();
        body.get("series").forEach(point -> ends.add(point.get("windowEnd").asText()));
        assertThat(ends).as("one point per minute with feedback, oldest first")
                .containsExactly("2026-05-04T12:06:00Z", "2026-05-04T12:07:00Z", "2026-05-04T12:09:00Z");
        assertThat(body.get("series").get(0).get("csatPercent").asDouble()).as("the 5 alone").isEqualTo(100.0);
    }

    @Test
    void a_window_that_is_not_kept_is_a_400_problem_naming_the_field() throws Exception {
        HttpResponse<String> response = get("/v1/subjects/route-42/csat?window=PT5M");

        JsonNode error = fieldError(response);
        assertThat(error.get("field").asText()).isEqualTo("window");
        assertThat(error.get("message").asText()).contains("PT15M");
    }

    @Test
    void lists_every_subject_with_its_latest_figures_per_window_and_its_open_alerts() throws Exception {
        HttpResponse<String> response = get("/v1/subjects");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("asOf").asText()).isEqualTo("2026-05-04T12:10:00Z");
        JsonNode subjects = body.get("subjects");
        assertThat(subjects).extracting(subject -> subject.get("subject").asText())
                .containsExactly("route-42", "route-7");
        JsonNode route42 = subjects.get(0);
        assertThat(route42.get("scope").asText()).isEqualTo("SUBJECT");
        assertThat(route42.get("openAlerts").asInt()).isZero();
        assertThat(route42.get("windows")).extracting(window -> window.get("window").asText())
                .containsExactly("PT15M", "PT1H", "PT24H");
        JsonNode quarter = route42.get("windows").get(0);
        assertThat(quarter.get("responses").asLong()).isEqualTo(4);
        assertThat(quarter.get("csatPercent").asDouble()).isEqualTo(75.0);
        JsonNode route7 = subjects.get(1);
        assertThat(route7.get("openAlerts").asInt()).isEqualTo(1);
        assertThat(route7.get("windows").get(0).get("urgentCount").asLong()).isEqualTo(1);
        assertThat(route7.get("windows").get(0).get("negativeSharePercent").asDouble()).isEqualTo(100.0);
    }

    @Test
    void lists_open_alerts_with_their_reason_and_figures() throws Exception {
        HttpResponse<String> response = get("/v1/alerts");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode alerts = JSON.readTree(response.body()).get("alerts");
        assertThat(alerts).hasSize(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.get("alertId").asText()).isNotBlank();
        assertThat(alert.get("scope").asText()).isEqualTo("SUBJECT");
        assertThat(alert.get("subject").asText()).isEqualTo("route-7");
        assertThat(alert.get("kind").asText()).isEqualTo("URGENT_REPORT");
        assertThat(alert.get("kindId").asText()).isEqualTo("urgent-report");
        assertThat(alert.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(alert.get("status").asText()).isEqualTo("OPEN");
        assertThat(alert.get("reason").asText()).startsWith("An urgent report about route-7");
        assertThat(alert.get("openedAt").asText()).isEqualTo("2026-05-04T12:09:30Z");
        assertThat(alert.get("examples").get(0).asText()).contains("crashed");
        assertThat(alert.get("figures").get("urgentReports").asLong()).isEqualTo(1);
        assertThat(alert.get("acknowledgedBy").isNull()).isTrue();

        assertThat(JSON.readTree(get("/v1/alerts?status=resolved").body()).get("alerts")).isEmpty();
        assertThat(JSON.readTree(get("/v1/alerts?status=open,acknowledged").body()).get("alerts")).hasSize(1);
    }

    @Test
    void an_alert_leads_to_the_conversations_of_the_passengers_who_wrote_its_examples() throws Exception {
        api.send(sms("contact-1", "SM-urgent", "driver was drunk and crashed into a car", NOW.minusSeconds(20)));
        api.send(sms("contact-2", "SM-other", "bus 42 late", NOW.minusSeconds(10)));
        JsonNode alert = alertOn("route-42");

        HttpResponse<String> response = get("/v1/alerts/" + alert.get("alertId").asText() + "/conversations");

        assertThat(alert.get("exampleEventIds")).extracting(JsonNode::asText).containsExactly("twilio:SM-urgent");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("alertId").asText()).isEqualTo(alert.get("alertId").asText());
        assertThat(body.get("conversations")).singleElement().satisfies(conversation -> {
            assertThat(conversation.get("conversationId").asText()).isEqualTo("contact-1.1");
            assertThat(conversation.get("lastMessage").get("text").asText()).contains("crashed");
            assertThat(conversation.get("messages")).as("a list, without messages").isEmpty();
        });
        String webAlert = alertOn("route-7").get("alertId").asText();
        assertThat(JSON.readTree(get("/v1/alerts/" + webAlert + "/conversations").body()).get("conversations"))
                .as("web feedback has no conversation").isEmpty();
        assertThat(problemOf(get("/v1/alerts/no-such-alert/conversations"), 404).get("type").asText())
                .isEqualTo("urn:instantfeedback:problem:alert-not-found");
    }

    @Test
    void a_status_that_is_not_one_is_a_400_problem() throws Exception {
        HttpResponse<String> response = get("/v1/alerts?status=forgotten");

        assertThat(fieldError(response).get("field").asText()).isEqualTo("status");
    }

    @Test
    void an_action_needs_an_actor_and_an_alert_that_exists() throws Exception {
        String alertId = JSON.readTree(get("/v1/alerts").body()).get("alerts").get(0).get("alertId").asText();

        HttpResponse<String> anonymous = post("/v1/alerts/" + alertId + "/acknowledge", "{\"note\":\"on it\"}");
        assertThat(fieldError(anonymous).get("field").asText()).isEqualTo("actor");

        HttpResponse<String> notJson = post("/v1/alerts/" + alertId + "/resolve", "actor=Sam");
        assertThat(notJson.statusCode()).isEqualTo(400);

        HttpResponse<String> unknown = post("/v1/alerts/no-such-alert/resolve", "{\"actor\":\"Sam\"}");
        assertThat(problemOf(unknown, 404).get("type").asText()).isEqualTo("urn:instantfeedback:problem:alert-not-found");
    }

    @Test
    void answers_for_another_moment_when_asked_with_at() throws Exception {
        HttpResponse<String> response = get("/v1/subjects/route-42/csat?at=2026-05-04T12:06:30Z");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("windowStart").asText()).isEqualTo("2026-05-04T11:52:00Z");
        assertThat(body.get("ratedResponses").asLong()).as("the 5 and both 4s, not the 2 of 12:08").isEqualTo(3);
        assertThat(body.get("csatPercent").asDouble()).isEqualTo(100.0);
        assertThat(body.get("current").get("windowEnd").asText()).isEqualTo("2026-05-04T12:06:00Z");
        assertThat(body.get("current").get("responses").asLong()).as("the 5, as of 12:06").isEqualTo(1);
    }

    @Test
    void a_subject_without_figures_is_a_404_problem() throws Exception {
        HttpResponse<String> response = get("/v1/subjects/branch-7/csat");

        JsonNode problem = problemOf(response, 404);
        assertThat(problem.get("type").asText()).isEqualTo("urn:instantfeedback:problem:no-csat-figures");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asText()).contains("branch-7");
    }

    @Test
    void an_at_that_is_not_an_instant_is_a_400_problem_naming_the_field() throws Exception {
        HttpResponse<String> response = get("/v1/subjects/route-42/csat?at=yesterday");

        JsonNode error = fieldError(response);
        assertThat(error.get("field").asText()).isEqualTo("at");
        assertThat(error.get("message").asText()).contains("ISO-8601");
    }

    @Test
    void while_the_stores_are_not_queryable_it_answers_503_with_retry_after() throws Exception {
        api.storesQueryable.set(false);

        for (String path : List.of("/v1/subjects/route-42/csat", "/v1/subjects", "/v1/alerts")) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(Problem.CONTENT_TYPE));
            assertThat(JSON.readTree(response.body()).get("type").asText()).isEqualTo("urn:instantfeedback:problem:store-not-queryable");
            assertThat(response.body()).doesNotContain("Exception");
        }
    }

    @Test
    void is_ready_only_while_kafka_streams_is_running_but_always_alive() throws Exception {
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);

        api.streamsState.set(KafkaStreams.State.REBALANCING);

        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("REBALANCING");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void a_moment_before_1970_is_a_400_problem() throws Exception {
        HttpResponse<String> response = get("/v1/subjects/route-42/csat?at=1969-12-31T23:59:59Z");

        assertThat(fieldError(response).get("field").asText()).isEqualTo("at");
    }

    @Test
    void an_unknown_address_is_a_404_problem() throws Exception {
        HttpResponse<String> response = get("/v1/nothing-here");

        assertThat(problemOf(response, 404).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void metrics_time_requests_by_route_template_in_prometheus_format() throws Exception {
        get("/v1/subjects/route-42/csat");
        get("/v1/subjects/branch-7/csat");
        get("/v1/nothing-here");

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/v1/subjects/{subject}/csat\"")
                .contains("status=\"404\"")
                .contains("uri=\"NOT_FOUND\"")
                .doesNotContain("route-42")
                .doesNotContain("nothing-here");
    }

    @Test
    void lists_open_conversations_and_reads_one_with_its_messages_but_never_a_number() throws Exception {
        api.send(sms("SM1", "bus 42 driver rude", NOW.minusSeconds(1_200)));
        api.send(sms("SM2", "still no answer", NOW.minusSeconds(600)));

        HttpResponse<String> list = get("/v1/conversations?status=open&overdue=true&order=oldest-unanswered");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode conversation = JSON.readTree(list.body()).get("conversations").get(0);
        assertThat(conversation.get("conversationId").asText()).isEqualTo("contact-1.1");
        assertThat(conversation.get("status").asText()).isEqualTo("open");
        assertThat(conversation.get("overdue").asBoolean()).as("waited 20 minutes, the limit is 15").isTrue();
        assertThat(conversation.get("waitingSeconds").asLong()).isEqualTo(1_200);
        assertThat(conversation.get("lastMessage").get("text").asText()).isEqualTo("still no answer");
        HttpResponse<String> one = get("/v1/conversations/contact-1.1");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(JSON.readTree(one.body()).get("messages")).hasSize(2);
        assertThat(one.body() + list.body()).doesNotContain("7700900123");
        assertThat(JSON.readTree(get("/v1/conversations?status=closed").body()).get("conversations")).isEmpty();
    }

    @Test
    void an_answer_needs_a_text_a_name_and_a_conversation_that_exists() throws Exception {
        api.send(sms("SM1", "bus 42 driver rude", NOW.minusSeconds(60)));

        assertThat(fieldError(post("/v1/conversations/contact-1.1/replies", "{\"by\":\"sam\"}"))
                .get("field").asText()).isEqualTo("text");
        assertThat(fieldError(post("/v1/conversations/contact-1.1/replies", "{\"text\":\"Sorry\"}"))
                .get("field").asText()).isEqualTo("by");
        assertThat(problemOf(post("/v1/conversations/contact-1.7/replies", "{\"text\":\"Sorry\",\"by\":\"sam\"}"),
                404).get("title").asText()).isEqualTo("No such conversation");
        assertThat(problemOf(get("/v1/conversations/not-an-id"), 404).get("title").asText())
                .isEqualTo("No such conversation");
        assertThat(fieldError(get("/v1/conversations?status=answered")).get("field").asText()).isEqualTo("status");
    }

    @Test
    void lists_the_handling_of_every_subject_with_its_open_and_overdue_conversations() throws Exception {
        api.send(sms("SM1", "bus 42 driver rude", NOW.minusSeconds(1_200)));
        // The overdue check runs on the wall clock: up to the API's now, 20 minutes after the passenger wrote.
        api.advanceWallClockTime(Duration.ofHours(1));

        HttpResponse<String> list = get("/v1/handling?scope=subject&window=PT1H");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode route = JSON.readTree(list.body()).get("entries").get(0);
        assertThat(route.get("id").asText()).isEqualTo("route-42");
        assertThat(route.get("current").get("opened").asInt()).isEqualTo(1);
        assertThat(route.get("current").get("firstResponseSecondsAverage").isNull()).isTrue();
        assertThat(route.get("openConversations").asInt()).isEqualTo(1);
        assertThat(route.get("overdueConversations").asInt()).isEqualTo(1);
        HttpResponse<String> one = get("/v1/handling/subject/route-42?window=PT1H");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(JSON.readTree(one.body()).get("series")).hasSize(12);
        assertThat(JSON.readTree(one.body()).get("overdueConversations").asInt()).isEqualTo(1);
        assertThat(problemOf(get("/v1/handling/user/nobody?window=PT1H"), 404).get("title").asText())
                .isEqualTo("No handling figures");
        assertThat(fieldError(get("/v1/handling?scope=team")).get("field").asText()).isEqualTo("scope");
    }

    private JsonNode alertOn(String subject) throws IOException, InterruptedException {
        for (JsonNode alert : JSON.readTree(get("/v1/alerts").body()).get("alerts")) {
            if (alert.get("subject").asText().equals(subject)) {
                return alert;
            }
        }
        throw new AssertionError("no open alert on " + subject);
    }

    private static FeedbackReceived sms(String sid, String text, Instant at) {
        return sms("contact-1", sid, text, at);
    }

    private static FeedbackReceived sms(String contactId, String sid, String text, Instant at) {
        return FeedbackReceived.newBuilder().setEventId("twilio:" + sid).setChannel(Channel.SMS)
                .setSubject("route-42").setText(text).setSenderPseudonym(contactId)
                .setReplyTo(ReplyAddress.newBuilder().setContactId(contactId).setOperatorNumber("+447700900100")
                        .setKeyId("k-1").setCiphertext(ByteBuffer.wrap(new byte[] {9, 9, 9})).build())
                .setOccurredAt(at).setReceivedAt(at).build();
    }

    /** The problem document of {@code response}, once its status and media type are checked. */
    private static JsonNode problemOf(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(Problem.CONTENT_TYPE));
        return JSON.readTree(response.body());
    }

    /** The first field error of a 400 problem. */
    private static JsonNode fieldError(HttpResponse<String> response) throws IOException {
        return problemOf(response, 400).get("errors").get(0);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
