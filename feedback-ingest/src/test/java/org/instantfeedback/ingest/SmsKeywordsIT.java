package org.instantfeedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.instantfeedback.config.Topics;
import org.instantfeedback.contacts.ContactKeyring;
import org.instantfeedback.contacts.ContactSettings;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.embedded.privacy.PersonalData;
import org.instantfeedback.embedded.twilio.TwilioSid;
import org.instantfeedback.embedded.twilio.TwilioWebhook;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.ingest.config.ContactRequestSettings;
import org.instantfeedback.ingest.config.SmsGatewaySettings;
import org.instantfeedback.ingest.config.TwilioSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Passengers' requests by SMS against a real broker: STOP, START and "forget me" become conversation
 * actions of the sender's pseudonym instead of feedback, and an erasure destroys the sender's key.
 */
@WithKafkaAndRegistry
class SmsKeywordsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH_TOKEN = "twilio-keywords-test-auth-token-0123456789";
    private static final String API_KEY = "gateway-keywords-test-key-0123456789";
    private static final String PATH = "/v1/sms/twilio";
    private static final String OPERATOR_NUMBER = "+442079460001";
    /** A fresh key of the operator's; the contact keys it wraps never leave this test's broker. */
    private static final String KEK = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    @RegisterExtension
    static final IngestOnBroker INGEST = new IngestOnBroker();

    private static KafkaAndRegistry kafka;
    private static IngestHttpClient client;
    private static IngestHttpClient sealingClient;
    private static FeedbackTopicReader feedback;
    private static RawTopicReader actions;
    private static ContactKeyring keyring;

    @BeforeAll
    static void startIngest(KafkaAndRegistry runtime) {
        kafka = runtime;
        runtime.createTopics(Map.of(Topics.CONVERSATION_ACTIONS, 1, Topics.CONTACT_KEYS, 1),
                Set.of(Topics.CONTACT_KEYS));
        client = INGEST.start(runtime,
                TwilioSettings.TWILIO_AUTH_TOKEN.name(), AUTH_TOKEN,
                SmsGatewaySettings.SMS_API_KEYS.name(), API_KEY);
        sealingClient = INGEST.start(runtime,
                TwilioSettings.TWILIO_AUTH_TOKEN.name(), AUTH_TOKEN,
                ContactSettings.CONTACT_KEK.name(), KEK,
                ContactRequestSettings.FORGET_REPLY.name(), "Deleted.");
        feedback = INGEST.topic();
        actions = new RawTopicReader(runtime.bootstrapServers(), Topics.CONVERSATION_ACTIONS);
    }

    @AfterAll
    static void closeReaders() {
        actions.close();
        if (keyring != null) {
            keyring.close();
        }
    }

    @Test
    void records_a_stop_sent_through_twilio_as_an_opt_out_of_the_senders_pseudonym_and_stores_no_feedback()
            throws Exception {
        String sid = messageSid();

        HttpResponse<String> response = post(client, sms(sid, PersonalData.PASSENGER, " Stop "));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).as("Twilio confirms an opt-out itself").isEqualTo(EMPTY_TWIML);
        String contactId = TestIngest.pseudonymOf(PersonalData.PASSENGER);
        JsonNode action = valueOf(actions.awaitRecord(contactId, "\"opt-out\""));
        assertThat(action.path("action").asText()).isEqualTo("opt-out");
        assertThat(action.path("by").asText()).isEqualTo("passenger");
        assertNotStoredAsFeedback(sid, PersonalData.PASSENGER);
    }

    @Test
    void records_a_start_as_an_opt_in_and_confirms_it() throws Exception {
        String sid = messageSid();

        HttpResponse<String> response = post(client, sms(sid, PersonalData.OTHER_PASSENGER, "START"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("<Message>You will get our answers again.");
        valueOf(actions.awaitRecord(TestIngest.pseudonymOf(PersonalData.OTHER_PASSENGER), "\"opt-in\""));
        assertNotStoredAsFeedback(sid, PersonalData.OTHER_PASSENGER);
    }

    @Test
    void stores_a_complaint_that_only_mentions_stop_as_feedback() {
        String sid = messageSid();

        assertThat(post(client, sms(sid, PersonalData.PASSENGER, "please stop the bus at Central")).body())
                .contains("Thank you for your feedback!");

        assertThat(feedback.awaitEvent("twilio:" + sid).value().getText()).isEqualTo("please stop the bus at Central");
    }

    @Test
    void records_a_stop_from_a_gateway_and_says_so_in_its_answer() throws Exception {
        String body = "{\"from\":\"" + PersonalData.GERMAN_PASSENGER + "\",\"to\":\"" + OPERATOR_NUMBER
                + "\",\"text\":\"stop\",\"messageId\":\"gw-" + UUID.randomUUID() + "\"}";

        HttpResponse<String> response = client.postTo("/v1/sms", "application/json", body, "X-Api-Key", API_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("action").asText()).isEqualTo("opt-out");
        assertThat(answer.path("stored").asBoolean(true)).isFalse();
        actions.awaitRecord(TestIngest.pseudonymOf(PersonalData.GERMAN_PASSENGER), "\"opt-out\"");
    }

    @Test
    void erases_a_passenger_who_writes_forget_me_so_their_sealed_number_no_longer_opens() throws Exception {
        String firstSid = messageSid();
        // Until the service has read the contact keys it answers 503, which Twilio would retry.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                post(sealingClient, sms(firstSid, PersonalData.SWEDISH_PASSENGER, "route 7 was late")).statusCode()
                        == 200);
        ReplyAddress replyTo = feedback.awaitEvent("twilio:" + firstSid).value().getReplyTo();
        assertThat(replyTo).as("the number is sealed as the reply address").isNotNull();
        keyring = ContactKeyring.create(ContactSettings.from(Map.of(ContactSettings.CONTACT_KEK.name(), KEK,
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "SCHEMA_REGISTRY_URL", kafka.schemaRegistryUrl())));
        keyring.start();
        keyring.awaitReady(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> keyring.open(replyTo).isPresent());
        String forgetSid = messageSid();

        HttpResponse<String> response = post(sealingClient, sms(forgetSid, PersonalData.SWEDISH_PASSENGER,
                "Forget me"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("<Message>Deleted.</Message>");
        String contactId = TestIngest.pseudonymOf(PersonalData.SWEDISH_PASSENGER);
        assertThat(valueOf(actions.awaitRecord(contactId, "\"forget\"")).path("by").asText())
                .isEqualTo("passenger");
        await().atMost(Duration.ofSeconds(30)).until(() -> keyring.open(replyTo).isEmpty());
        assertNotStoredAsFeedback(forgetSid, PersonalData.SWEDISH_PASSENGER);
    }

    /** The SMS with {@code sid} was not stored: a later SMS of the same sender is, and it is not. */
    private static void assertNotStoredAsFeedback(String sid, String sender) {
        String marker = messageSid();
        assertThat(post(client, sms(marker, sender, "nothing more to say")).statusCode()).isEqualTo(200);
        feedback.awaitEvent("twilio:" + marker);
        assertThat(feedback.recordsWithKey("unassigned"))
                .noneMatch(r -> r.value().getEventId().equals("twilio:" + sid));
    }

    private static JsonNode valueOf(ConsumerRecord<String, byte[]> record) throws Exception {
        return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(IngestHttpClient to, Map<String, String> sms) {
        return TwilioRequests.postSigned(to, PATH, to.uri(PATH).toString(), AUTH_TOKEN, sms);
    }

    private static Map<String, String> sms(String sid, String from, String body) {
        return TwilioWebhook.inboundSms(sid, "AC" + "1".repeat(32), from, OPERATOR_NUMBER, body);
    }

    private static String messageSid() {
        return TwilioSid.random("SM");
    }
}
