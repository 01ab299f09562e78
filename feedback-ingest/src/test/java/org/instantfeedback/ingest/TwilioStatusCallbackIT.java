package org.instantfeedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.embedded.privacy.KafkaPrivacyScan;
import org.instantfeedback.embedded.privacy.PersonalData;
import org.instantfeedback.events.DeliveryStatus;
import org.instantfeedback.events.ReplyStatus;
import org.instantfeedback.ingest.config.TwilioSettings;
import org.instantfeedback.registry.SpecificAvroDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Twilio's status callbacks of answers sent to passengers, against a real broker and registry. */
@WithKafkaAndRegistry
class TwilioStatusCallbackIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH_TOKEN = "twilio-status-test-auth-token-0123456789";
    private static final String PATH = "/v1/sms/twilio/status";
    private static final String PUBLIC_BASE_URL = "https://feedback.example.com/ingest";

    @RegisterExtension
    static final IngestOnBroker INGEST = new IngestOnBroker();

    private static IngestHttpClient client;
    private static IngestHttpClient proxiedClient;
    private static RawTopicReader statuses;
    private static SpecificAvroDeserializer<ReplyStatus> avro;

    @BeforeAll
    static void startIngest(KafkaAndRegistry runtime) {
        runtime.createTopics(Map.of(Topics.REPLY_STATUS, 1));
        client = INGEST.start(runtime, TwilioSettings.TWILIO_AUTH_TOKEN.name(), AUTH_TOKEN);
        proxiedClient = INGEST.start(runtime, TwilioSettings.TWILIO_AUTH_TOKEN.name(), AUTH_TOKEN,
                TwilioSettings.PUBLIC_BASE_URL.name(), PUBLIC_BASE_URL);
        statuses = new RawTopicReader(runtime.bootstrapServers(), Topics.REPLY_STATUS);
        avro = new SpecificAvroDeserializer<>(ReplyStatus.class);
        avro.configure(Map.of("schema.registry.url", runtime.schemaRegistryUrl()), false);
    }

    @AfterAll
    static void closeReader() {
        statuses.close();
        avro.close();
    }

    @Test
    void writes_a_signed_callback_as_the_replys_status_keyed_by_contact_and_answers_no_content() {
        String sid = messageSid();
        String query = query("reply-" + UUID.randomUUID(), "conv-1", "contact-a");

        HttpResponse<String> response = post(client, PATH + query, client.uri(PATH + query).toString(),
                callback(sid, "delivered", null));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        ReplyStatus status = awaitStatus(sid);
        assertThat(status.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(status.getContactId()).isEqualTo("contact-a");
        assertThat(status.getConversationId()).isEqualTo("conv-1");
        assertThat(status.getErrorCode()).isNull();
        assertThat(status.getErrorMessage()).isNull();
    }

    @Test
    void keeps_twilios_error_code_of_an_undelivered_answer_and_never_the_numbers() {
        String sid = messageSid();
        String replyId = "reply-" + UUID.randomUUID();
        String query = query(replyId, "conv-2", "contact-b");

        HttpResponse<String> response = post(client, PATH + query, client.uri(PATH + query).toString(),
                callback(sid, "undelivered", "30003"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        ConsumerRecord<String, byte[]> record = statuses.awaitRecord(r -> avro.deserialize(Topics.REPLY_STATUS,
                r.value()).getProviderMessageId().equals(sid));
        ReplyStatus status = avro.deserialize(Topics.REPLY_STATUS, record.value());
        assertThat(record.key()).isEqualTo("contact-b");
        assertThat(status.getReplyId()).isEqualTo(replyId);
        assertThat(status.getStatus()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(status.getErrorCode()).isEqualTo("30003");
        for (String number : List.of(PersonalData.PASSENGER, PersonalData.OTHER_PASSENGER)) {
            String digits = number.replaceAll("[^0-9]", "");
            assertThat(KafkaPrivacyScan.indexOf(record.value(), digits.getBytes(StandardCharsets.UTF_8)))
                    .as("the digits of %s in the record", number).isNegative();
            assertThat(KafkaPrivacyScan.indexOf(record.key().getBytes(StandardCharsets.UTF_8),
                    digits.getBytes(StandardCharsets.UTF_8))).isNegative();
        }
    }

    @Test
    void checks_the_signature_over_the_public_url_with_its_query_when_behind_a_proxy() {
        String sid = messageSid();
        String query = query("reply-" + UUID.randomUUID(), "conv-3", "contact-c");

        HttpResponse<String> response = post(proxiedClient, PATH + query, PUBLIC_BASE_URL + PATH + query,
                callback(sid, "sent", null));
        HttpResponse<String> withoutQuery = post(proxiedClient, PATH + query, PUBLIC_BASE_URL + PATH,
                callback(messageSid(), "sent", null));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(awaitStatus(sid).getStatus()).isEqualTo(DeliveryStatus.SENT);
        assertThat(withoutQuery.statusCode()).as("the query is part of the signed URL").isEqualTo(403);
    }

    @Test
    void refuses_a_callback_without_a_signature() throws Exception {
        String query = query("reply-1", "conv-1", "contact-a");

        HttpResponse<String> response = client.postTo(PATH + query, TwilioRequests.FORM,
                TwilioRequests.form(callback(messageSid(), "delivered", null)));

        assertThat(problemOf(response, 403).path("detail").asText()).contains("X-Twilio-Signature");
    }

    @Test
    void refuses_a_signed_callback_that_does_not_name_its_reply() throws Exception {
        HttpResponse<String> response = post(client, PATH, client.uri(PATH).toString(),
                callback(messageSid(), "delivered", null));

        JsonNode problem = problemOf(response, 400);
        assertThat(problem.path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("reply", "conversation", "contact");
    }

    private static ReplyStatus awaitStatus(String sid) {
        return avro.deserialize(Topics.REPLY_STATUS, statuses.awaitRecord(record -> avro.deserialize(
                Topics.REPLY_STATUS, record.value()).getProviderMessageId().equals(sid)).value());
    }

    private static HttpResponse<String> post(IngestHttpClient to, String pathAndQuery, String signedUrl,
            Map<String, String> callback) {
        return TwilioRequests.postSigned(to, pathAndQuery, signedUrl, AUTH_TOKEN, callback);
    }

    private static String query(String replyId, String conversationId, String contactId) {
        return "?reply=" + replyId + "&conversation=" + conversationId + "&contact=" + contactId;
    }

    /** What Twilio posts as a message's status callback (field names of its webhook). */
    private static Map<String, String> callback(String sid, String status, String errorCode) {
        Map<String, String> callback = new LinkedHashMap<>();
        callback.put("AccountSid", "AC" + "1".repeat(32));
        callback.put("From", PersonalData.OTHER_PASSENGER);
        callback.put("To", PersonalData.PASSENGER);
        callback.put("MessageSid", sid);
        callback.put("SmsSid", sid);
        callback.put("MessageStatus", status);
        callback.put("SmsStatus", status);
        callback.put("ApiVersion", "2010-04-01");
        if (errorCode != null) {
            callback.put("ErrorCode", errorCode);
        }
        return callback;
    }

    private static String messageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private static JsonNode problemOf(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return JSON.readTree(response.body());
    }
}
