package org.instantfeedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.embedded.privacy.PersonalData;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;
import org.instantfeedback.ingest.config.KioskSettings;
import org.instantfeedback.ingest.config.PublishSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /v1/feedback/batch: taps a kiosk buffered, against a real broker. */
@WithKafkaAndRegistry
class KioskBatchEndpointIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/v1/feedback/batch";
    private static final String KIOSK_KEY = "kiosk-key-0123456789";

    @RegisterExtension
    static final IngestOnBroker INGEST = new IngestOnBroker();

    private static IngestHttpClient client;
    private static FeedbackTopicReader topic;

    @BeforeAll
    static void startIngest(KafkaAndRegistry runtime) {
        client = INGEST.start(runtime,
                KioskSettings.KIOSK_API_KEYS.name(), KIOSK_KEY,
                KioskSettings.BATCH_MAX_ITEMS.name(), "20",
                PublishSettings.RETRY_AFTER_SECONDS.name(), "11",
                // Records over 1.5 kB fail in the producer: a real way to store some items of a batch and not others.
                "KAFKA_MAX_REQUEST_SIZE", "1500");
        topic = INGEST.topic();
    }

    @Test
    void stores_every_tap_of_a_batch_with_the_time_it_was_made() throws Exception {
        String kiosk = kioskId();
        Instant first = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        Instant second = first.plusSeconds(95);
        String body = "{\"kioskId\":\"" + kiosk + "\",\"subject\":\"branch-central\",\"scale\":\"smiley-4\",\"items\":["
                + "{\"itemId\":\"1\",\"rating\":4,\"occurredAt\":\"" + first + "\"},"
                + "{\"itemId\":\"2\",\"rating\":1,\"occurredAt\":\"" + second + "\",\"comment\":\"queue too long\"},"
                + "{\"itemId\":\"3\",\"rating\":1,\"scale\":\"thumbs\",\"subject\":\"branch-central-toilets\"}]}";

        HttpResponse<String> response = postBatch(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.path("accepted").asInt()).isEqualTo(3);
        assertThat(result.path("items").findValuesAsText("status")).containsOnly("accepted");
        assertThat(result.path("items").findValuesAsText("id"))
                .containsExactly("kiosk:" + kiosk + ":1", "kiosk:" + kiosk + ":2", "kiosk:" + kiosk + ":3");
        ConsumerRecord<String, FeedbackReceived> tap = topic.awaitEvent("kiosk:" + kiosk + ":1");
        assertThat(tap.timestamp()).isEqualTo(first.toEpochMilli());
        assertThat(tap.value().getChannel()).isEqualTo(Channel.KIOSK);
        assertThat(tap.value().getRating()).isEqualTo(new Rating(4, RatingScale.SMILEY_4));
        assertThat(topic.awaitEvent("kiosk:" + kiosk + ":2").value().getOccurredAt()).isEqualTo(second);
        FeedbackReceived own = topic.awaitEvent("kiosk:" + kiosk + ":3").value();
        assertThat(own.getSubject()).isEqualTo("branch-central-toilets");
        assertThat(own.getRating()).isEqualTo(new Rating(1, RatingScale.THUMBS));
    }

    @Test
    void reports_invalid_items_one_by_one_and_stores_the_others() throws Exception {
        String kiosk = kioskId();
        String body = "{\"kioskId\":\"" + kiosk + "\",\"subject\":\"branch-airport\",\"scale\":\"smiley-4\",\"items\":["
                + "{\"itemId\":\"a\",\"rating\":3},"
                + "{\"itemId\":\"b\",\"rating\":5},"
                + "{\"itemId\":\"c\",\"rating\":2,\"occurredAt\":\"" + Instant.now().plusSeconds(3_600) + "\"},"
                + "\"not an object\","
                + "{\"itemId\":\"e\",\"rating\":4,\"comment\":\"" + PersonalData.OTHER_EMAIL_IN_TEXT + "\"}]}";

        HttpResponse<String> response = postBatch(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.path("accepted").asInt()).isEqualTo(2);
        assertThat(result.path("rejected").asInt()).isEqualTo(3);
        JsonNode items = result.path("items");
        assertThat(items.findValuesAsText("status"))
                .containsExactly("accepted", "rejected", "rejected", "rejected", "accepted");
        assertThat(items.get(1).path("errors").findValuesAsText("field")).containsExactly("rating");
        assertThat(items.get(2).path("errors").findValuesAsText("field")).containsExactly("occurredAt");
        assertThat(items.get(3).path("errors").findValuesAsText("field")).contains("items[3]");
        assertThat(topic.awaitEvent("kiosk:" + kiosk + ":e").value().getText()).isEqualTo("[email]");
    }

    @Test
    void counts_nothing_twice_when_a_kiosk_sends_its_batch_again() throws Exception {
        String kiosk = kioskId();
        String body = "{\"kioskId\":\"" + kiosk + "\",\"subject\":\"branch-harbour\",\"items\":["
                + "{\"itemId\":\"100\",\"rating\":5},{\"itemId\":\"101\",\"rating\":4},{\"itemId\":\"101\",\"rating\":4}]}";

        HttpResponse<String> first = postBatch(body);
        HttpResponse<String> again = postBatch(body);

        assertThat(JSON.readTree(first.body()).path("items").findValuesAsText("status"))
                .containsExactly("accepted", "accepted", "duplicate");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("duplicates").asInt()).isEqualTo(3);
        String marker = kioskId();
        postBatch("{\"kioskId\":\"" + marker + "\",\"subject\":\"branch-harbour\",\"items\":[{\"itemId\":\"1\","
                + "\"rating\":3}]}");
        topic.awaitEvent("kiosk:" + marker + ":1");
        assertThat(topic.recordsWithKey("branch-harbour")).extracting(r -> r.value().getEventId())
                .containsExactly("kiosk:" + kiosk + ":100", "kiosk:" + kiosk + ":101", "kiosk:" + marker + ":1");
    }

    @Test
    void numbers_items_without_an_id_within_the_batch_idempotency_key() throws Exception {
        String kiosk = kioskId();
        String items = "{\"kioskId\":\"" + kiosk + "\",\"subject\":\"branch-mall\",\"items\":[{\"rating\":5},{\"rating\":2}]}";

        HttpResponse<String> keyed = postBatch(items, "Idempotency-Key", "upload-0042");
        HttpResponse<String> unkeyed = postBatch(items);

        assertThat(JSON.readTree(keyed.body()).path("items").findValuesAsText("id"))
                .containsExactly("kiosk:" + kiosk + ":upload-0042:0", "kiosk:" + kiosk + ":upload-0042:1");
        JsonNode refused = JSON.readTree(unkeyed.body());
        assertThat(refused.path("rejected").asInt()).isEqualTo(2);
        assertThat(refused.path("items").get(0).path("errors").get(0).path("message").asText())
                .contains("Idempotency-Key");
    }

    @Test
    void reports_items_kafka_could_not_take_as_unavailable_and_asks_for_the_batch_again() throws Exception {
        String kiosk = kioskId();
        String tooLarge = "\u00e4".repeat(1000);
        String body = "{\"kioskId\":\"" + kiosk + "\",\"subject\":\"branch-station\",\"items\":["
                + "{\"itemId\":\"1\",\"rating\":5},{\"itemId\":\"2\",\"comment\":\"" + tooLarge + "\"},"
                + "{\"itemId\":\"3\",\"rating\":4}]}";

        HttpResponse<String> response = postBatch(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("11");
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.path("items").findValuesAsText("status")).containsExactly("accepted", "unavailable", "accepted");
        assertThat(result.path("unavailable").asInt()).isEqualTo(1);
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "RecordTooLarge");
        HttpResponse<String> again = postBatch(body);
        assertThat(JSON.readTree(again.body()).path("items").findValuesAsText("status"))
                .containsExactly("duplicate", "unavailable", "duplicate");
    }

    @Test
    void refuses_batches_it_cannot_take_as_a_whole() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("{\"itemId\":\"" + i + "\",\"rating\":3}");
        }

        HttpResponse<String> tooMany = postBatch("{\"kioskId\":\"k1\",\"subject\":\"s\",\"items\":["
                + String.join(",", many) + "]}");
        HttpResponse<String> noKiosk = postBatch("{\"items\":[{\"itemId\":\"1\",\"rating\":3}]}");
        HttpResponse<String> noItems = postBatch("{\"kioskId\":\"k1\",\"items\":[]}");

        assertThat(fieldsOf(problemOf(tooMany, 400))).containsExactly("items");
        assertThat(problemOf(tooMany, 400).path("errors").get(0).path("message").asText()).contains("20");
        assertThat(fieldsOf(problemOf(noKiosk, 400))).containsExactly("kioskId");
        assertThat(fieldsOf(problemOf(noItems, 400))).containsExactly("items");
    }

    @Test
    void takes_batches_only_from_kiosks_with_a_valid_key() throws Exception {
        String body = "{\"kioskId\":\"k1\",\"subject\":\"s\",\"items\":[{\"itemId\":\"1\",\"rating\":3}]}";

        problemOf(client.postTo(PATH, "application/json", body), 401);
        problemOf(client.postTo(PATH, "application/json", body, "X-Api-Key", "wrong"), 403);
    }

    private static HttpResponse<String> postBatch(String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Api-Key";
        all[1] = KIOSK_KEY;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return client.postTo(PATH, "application/json", body, all);
    }

    private static String kioskId() {
        return "kiosk-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> fieldsOf(JsonNode problem) {
        return problem.path("errors").findValuesAsText("field");
    }

    private static JsonNode problemOf(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return JSON.readTree(response.body());
    }
}
