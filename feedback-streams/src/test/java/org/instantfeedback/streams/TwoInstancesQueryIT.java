package org.instantfeedback.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.streams.csat.Feedback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances of feedback-streams (one application.id, their own state directories and ports)
 * on one real broker and registry share the partitions between them; each answers the query API
 * for every subject and alert, whichever instance holds it, and takes ops actions for all of them.
 */
@WithKafkaAndRegistry
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesQueryIT {
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "two-instances-token";
    private static final int SUBJECTS = 6;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<StreamsApp> apps = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> rated = new ArrayList<>();
    private final List<String> reported = new ArrayList<>();
    private final List<String> contacts = new ArrayList<>();
    private StreamsOnBroker streams;

    @BeforeAll
    void startTwoInstances(KafkaAndRegistry kafka) throws Exception {
        streams = new StreamsOnBroker(kafka);
        String applicationId = "two-instances-" + run;
        for (int i = 0; i < 2; i++) {
            apps.add(streams.start(applicationId, Map.of(
                    "STREAMS_ADVERTISED_URL", "http://localhost",
                    "STREAMS_API_TOKENS", TOKEN)));
        }
        await("both instances running").atMost(DEADLINE)
                .until(() -> apps.stream().allMatch(app -> app.state() == KafkaStreams.State.RUNNING));

        Instant now = Instant.now();
        try (KafkaProducer<String, FeedbackReceived> producer = streams.feedbackProducer()) {
            for (int i = 0; i < SUBJECTS; i++) {
                String subject = "route-" + run + "-" + i;
                rated.add(subject);
                StreamsOnBroker.send(producer, Feedback.stars(subject, 4, now.minusSeconds(20)));
                StreamsOnBroker.send(producer, Feedback.stars(subject, 2, now.minusSeconds(10)));
            }
            for (int i = 0; i < SUBJECTS; i++) {
                String contact = "contact-" + run + "-" + i;
                contacts.add(contact);
                StreamsOnBroker.send(producer, sms(contact, "line-" + run + "-" + i, now));
            }
            for (int i = 0; i < SUBJECTS; i++) {
                String subject = "night-" + run + "-" + i;
                reported.add(subject);
                StreamsOnBroker.send(producer,
                        Feedback.textOnly(subject, "driver was drunk and crashed into a car", now));
            }
        }
    }

    @AfterAll
    void stopInstances() {
        if (streams != null) {
            streams.close();
        }
    }

    @Test
    void each_instance_lists_every_subject_and_answers_for_each_one() throws Exception {
        for (StreamsApp app : apps) {
            await("all subjects listed by the instance on port " + app.port()).atMost(DEADLINE).untilAsserted(() -> {
                HttpResponse<String> response = get(app, "/v1/subjects");
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                List<String> listed = new ArrayList<>();
                JSON.readTree(response.body()).get("subjects").forEach(s -> listed.add(s.get("subject").asText()));
                assertThat(listed).containsAll(rated).containsAll(reported);
            });
            for (String subject : rated) {
                await("CSAT of " + subject + " from port " + app.port()).atMost(DEADLINE).untilAsserted(() -> {
                    HttpResponse<String> response = get(app, "/v1/subjects/" + subject + "/csat");
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    JsonNode body = JSON.readTree(response.body());
                    assertThat(body.path("ratedResponses").asLong()).isEqualTo(2);
                    assertThat(body.path("csatPercent").asDouble()).isEqualTo(50.0);
                    // CSAT and the rolling metrics come from different stores: "current" stays null
                    // until the metrics have caught up; path() lets the await retry until then.
                    assertThat(body.path("current").path("responses").asLong()).isEqualTo(2);
                    assertThat(body.get("series")).isNotEmpty();
                });
            }
        }
        for (StreamsApp app : apps) {
            assertThat(http.send(HttpRequest.newBuilder(uri(app, "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body())
                    .as("each instance holds partitions, so the other asked it for its part")
                    .contains("uri=\"/internal/v1/metrics\"");
        }
    }

    @Test
    void each_instance_lists_every_alert_and_ops_act_on_them_through_either() throws Exception {
        for (StreamsApp app : apps) {
            await("all urgent alerts listed by the instance on port " + app.port()).atMost(DEADLINE)
                    .untilAsserted(() -> assertThat(alertSubjects(app, "open")).containsAll(reported));
        }
        String alertId = alertOf(apps.get(0), reported.get(0), "open").get("alertId").asText();

        HttpResponse<String> acknowledged = post(apps.get(0), "/v1/alerts/" + alertId + "/acknowledge",
                "{\"actor\":\"Sam\",\"note\":\"driver spoken to\"}");
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(202);
        assertThat(JSON.readTree(acknowledged.body()).get("action").asText()).isEqualTo("ACKNOWLEDGE");
        await("the acknowledgement seen from the other instance").atMost(DEADLINE).untilAsserted(() -> {
            JsonNode alert = alertOf(apps.get(1), reported.get(0), "acknowledged");
            assertThat(alert.get("status").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(alert.get("acknowledgedBy").asText()).isEqualTo("Sam");
        });
        assertThat(post(apps.get(1), "/v1/alerts/" + alertId + "/acknowledge", "{\"actor\":\"Kim\"}").statusCode())
                .as("acknowledged already").isEqualTo(409);

        HttpResponse<String> resolved = post(apps.get(1), "/v1/alerts/" + alertId + "/resolve",
                "{\"actor\":\"Kim\",\"note\":\"police informed\"}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(202);
        await("the resolution seen from the first instance").atMost(DEADLINE).untilAsserted(() ->
                assertThat(alertOf(apps.get(0), reported.get(0), "resolved").get("status").asText())
                        .isEqualTo("RESOLVED"));
        assertThat(post(apps.get(0), "/v1/alerts/" + alertId + "/resolve", "{\"actor\":\"Sam\"}").statusCode())
                .as("resolved already").isEqualTo(409);
        assertThat(alertSubjects(apps.get(0), "open")).doesNotContain(reported.get(0));
    }

    @Test
    void each_instance_lists_every_conversation_reads_each_one_and_answers_through_either() throws Exception {
        for (StreamsApp app : apps) {
            await("all conversations listed by the instance on port " + app.port()).atMost(DEADLINE)
                    .untilAsserted(() -> {
                        HttpResponse<String> response = get(app, "/v1/conversations");
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                        List<String> listed = new ArrayList<>();
                        JSON.readTree(response.body()).get("conversations")
                                .forEach(c -> listed.add(c.get("conversationId").asText()));
                        assertThat(listed).containsAll(contacts.stream().map(contact -> contact + ".1").toList());
                    });
            for (String contact : contacts) {
                // A 503 means "ask again" (a store moving between the instances), as the API says.
                await(contact + " read from port " + app.port()).atMost(DEADLINE).untilAsserted(() -> {
                    HttpResponse<String> one = get(app, "/v1/conversations/" + contact + ".1");
                    assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
                    assertThat(JSON.readTree(one.body()).get("messages")).hasSize(1);
                });
            }
        }
        String conversation = contacts.get(0) + ".1";
        await("the answer taken").atMost(DEADLINE).untilAsserted(() -> {
            HttpResponse<String> replied = post(apps.get(0), "/v1/conversations/" + conversation + "/replies",
                    "{\"text\":\"Sorry, we are on it.\",\"by\":\"Sam\"}");
            assertThat(replied.statusCode()).as(replied.body()).isEqualTo(202);
        });
        await("the answer seen from the other instance").atMost(DEADLINE).untilAsserted(() -> {
            JsonNode read = JSON.readTree(get(apps.get(1), "/v1/conversations/" + conversation).body());
            assertThat(read.get("status").asText()).isEqualTo("waiting");
            assertThat(read.get("handledBy").get(0).asText()).isEqualTo("Sam");
        });
        for (StreamsApp app : apps) {
            assertThat(http.send(HttpRequest.newBuilder(uri(app, "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body())
                    .as("each instance holds contacts, so the other asked it for one")
                    .contains("uri=\"/internal/v1/conversation\"");
        }
    }

    @Test
    void neither_instance_answers_without_the_token() throws Exception {
        for (StreamsApp app : apps) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(app, "/v1/alerts")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }
    }

    private static FeedbackReceived sms(String contact, String subject, Instant at) {
        return FeedbackReceived.newBuilder().setEventId("twilio:" + contact).setChannel(Channel.SMS)
                .setSubject(subject).setText("bus late again").setSenderPseudonym(contact)
                .setReplyTo(ReplyAddress.newBuilder().setContactId(contact).setOperatorNumber("+447700900100")
                        .setKeyId("k-1").setCiphertext(ByteBuffer.wrap(new byte[] {1, 2, 3})).build())
                .setOccurredAt(at).setReceivedAt(at).build();
    }

    private List<String> alertSubjects(StreamsApp app, String status) throws Exception {
        HttpResponse<String> response = get(app, "/v1/alerts?status=" + status);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> subjects = new ArrayList<>();
        JSON.readTree(response.body()).get("alerts").forEach(alert -> subjects.add(alert.get("subject").asText()));
        return subjects;
    }

    private JsonNode alertOf(StreamsApp app, String subject, String status) throws Exception {
        HttpResponse<String> response = get(app, "/v1/alerts?status=" + status);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode alert : JSON.readTree(response.body()).get("alerts")) {
            if (alert.get("subject").asText().equals(subject)) {
                return alert;
            }
        }
        throw new AssertionError("no " + status + " alert about " + subject + " in " + response.body());
    }

    private HttpResponse<String> get(StreamsApp app, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(app, path)).header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(StreamsApp app, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(app, path)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(StreamsApp app, String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }
}
