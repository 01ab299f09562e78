package org.instantfeedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.embedded.privacy.PersonalData;
import org.instantfeedback.embedded.twilio.TwilioSid;
import org.instantfeedback.embedded.twilio.TwilioWebhook;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;
import org.instantfeedback.ingest.config.SubjectSettings;
import org.instantfeedback.ingest.config.TwilioSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Twilio's inbound-SMS webhook against a real broker: signatures, TwiML, retries, subjects, privacy. */
@WithKafkaAndRegistry
class TwilioSmsEndpointIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH_TOKEN = "twilio-test-auth-token-0123456789";
    private static final String ACCOUNT_SID = "AC" + "1".repeat(32);
    private static final String PATH = "/v1/sms/twilio";
    private static final String PUBLIC_BASE_URL = "https://feedback.example.com/ingest";
    private static final String BRANCH_NUMBER = "+442079460000";
    private static final String SHARED_NUMBER = "+442079460001";

    @RegisterExtension
    static final IngestOnBroker INGEST = new IngestOnBroker();

    private static IngestHttpClient client;
    private static IngestHttpClient proxiedClient;
    private static FeedbackTopicReader topic;

    @BeforeAll
    static void startIngest(KafkaAndRegistry runtime, @TempDir Path dir) throws Exception {
        Path rules = dir.resolve("sms-rules.txt");
        Files.writeString(rules, """
                number +44 20 7946 0000 -> branch-london
                pattern route {n} -> route-{n}
                pattern bus {n} -> route-{n}
                alias Central Station | HBF -> branch-central
                """);
        client = INGEST.start(runtime,
                TwilioSettings.TWILIO_AUTH_TOKEN.name(), AUTH_TOKEN,
                SubjectSettings.SMS_RULES_FILE.name(), rules.toString());
        proxiedClient = INGEST.start(runtime,
                TwilioSettings.TWILIO_AUTH_TOKEN.name(), AUTH_TOKEN,
                TwilioSettings.PUBLIC_BASE_URL.name(), PUBLIC_BASE_URL,
                TwilioSettings.TWILIO_REPLY.name(), "none");
        topic = INGEST.topic();
    }

    @Test
    void stores_a_signed_sms_once_kafka_has_it_and_thanks_the_passenger_in_twiml() throws Exception {
        String sid = messageSid();
        Map<String, String> sms = sms(sid, PersonalData.PASSENGER, SHARED_NUMBER,
                "Route 42 driver was lovely 5/5. Lost my scarf, call " + PersonalData.NUMBER_IN_TEXT);

        HttpResponse<String> response = post(client, localUrl(), sms);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/xml"));
        assertThat(response.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
                + "Thank you for your feedback!</Message></Response>");
        ConsumerRecord<String, FeedbackReceived> record = topic.awaitEvent("twilio:" + sid);
        FeedbackReceived event = record.value();
        assertThat(record.key()).isEqualTo("route-42");
        assertThat(event.getChannel()).isEqualTo(Channel.SMS);
        assertThat(event.getSubject()).isEqualTo("route-42");
        assertThat(event.getRating()).isEqualTo(new Rating(5, RatingScale.STARS_5));
        assertThat(event.getText()).isEqualTo("Route 42 driver was lovely 5/5. Lost my scarf, call [phone]");
        assertThat(event.getSenderPseudonym()).isEqualTo(TestIngest.pseudonymOf(PersonalData.PASSENGER))
                .isEqualTo(TestIngest.pseudonymOf(PersonalData.PASSENGER_FORMATTED));
    }

    @Test
    void stores_a_message_twilio_sends_again_only_once() throws Exception {
        String sid = messageSid();
        Map<String, String> sms = sms(sid, PersonalData.OTHER_PASSENGER, SHARED_NUMBER, "bus 77 was late, 2/5");

        HttpResponse<String> first = post(client, localUrl(), sms);
        HttpResponse<String> retry = post(client, localUrl(), sms);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("<Message>");
        String marker = messageSid();
        assertThat(post(client, localUrl(), sms(marker, PersonalData.OTHER_PASSENGER, SHARED_NUMBER, "bus 77 again"))
                .statusCode()).isEqualTo(200);
        topic.awaitEvent("twilio:" + marker);
        assertThat(topic.recordsWithKey("route-77")).extracting(record -> record.value().getEventId())
                .containsOnlyOnce("twilio:" + sid);
    }

    @Test
    void refuses_a_request_without_a_signature() throws Exception {
        HttpResponse<String> response = client.postTo(PATH, TwilioRequests.FORM,
                TwilioRequests.form(sms(messageSid(), PersonalData.PASSENGER, SHARED_NUMBER, "route 1 5/5")));

        JsonNode problem = problemOf(response, 403);
        assertThat(problem.path("detail").asText()).contains(TwilioRequests.SIGNATURE_HEADER);
    }

    @Test
    void refuses_a_forged_signature() throws Exception {
        Map<String, String> sms = sms(messageSid(), PersonalData.PASSENGER, SHARED_NUMBER, "route 1 5/5");
        String forged = TwilioRequests.signature("not-the-auth-token", localUrl(), sms);

        HttpResponse<String> response = client.postTo(PATH, TwilioRequests.FORM, TwilioRequests.form(sms),
                TwilioRequests.SIGNATURE_HEADER, forged);

        problemOf(response, 403);
    }

    @Test
    void refuses_a_signature_made_for_another_url_or_other_parameters() throws Exception {
        Map<String, String> sms = sms(messageSid(), PersonalData.PASSENGER, SHARED_NUMBER, "route 1 5/5");
        Map<String, String> changed = new LinkedHashMap<>(sms);
        changed.put("Body", "route 1 1/5");

        HttpResponse<String> otherUrl = client.postTo(PATH, TwilioRequests.FORM, TwilioRequests.form(sms),
                TwilioRequests.SIGNATURE_HEADER, signature("https://attacker.example/v1/sms/twilio", sms));
        HttpResponse<String> otherBody = client.postTo(PATH, TwilioRequests.FORM, TwilioRequests.form(changed),
                TwilioRequests.SIGNATURE_HEADER, signature(localUrl(), sms));

        problemOf(otherUrl, 403);
        problemOf(otherBody, 403);
    }

    @Test
    void checks_signatures_against_the_public_url_when_behind_a_proxy() throws Exception {
        String sid = messageSid();
        Map<String, String> sms = sms(sid, PersonalData.SWEDISH_PASSENGER, SHARED_NUMBER, "HBF was spotless");
        String publicUrl = PUBLIC_BASE_URL + PATH;

        HttpResponse<String> signedForPublicUrl = post(proxiedClient, publicUrl, sms);
        HttpResponse<String> signedForInternalUrl = proxiedClient.postTo(PATH, TwilioRequests.FORM,
                TwilioRequests.form(sms), TwilioRequests.SIGNATURE_HEADER,
                signature(proxiedClient.uri(PATH).toString(), sms));

        assertThat(signedForPublicUrl.statusCode()).as(signedForPublicUrl.body()).isEqualTo(200);
        assertThat(signedForPublicUrl.body()).as("no reply configured")
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        assertThat(topic.awaitEvent("twilio:" + sid).value().getSubject()).isEqualTo("unassigned");
        problemOf(signedForInternalUrl, 403);
    }

    @Test
    void accepts_parameters_twilio_adds_later_and_covers_them_by_the_signature() throws Exception {
        String sid = messageSid();
        Map<String, String> sms = sms(sid, PersonalData.PASSENGER, SHARED_NUMBER, "route 5 4/5");
        sms.put("MessagingServiceSid", "MG" + "0".repeat(32));
        sms.put("SomethingNew2031", "{\"shape\":\"unknown\"}");

        HttpResponse<String> response = post(client, localUrl(), sms);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(topic.awaitEvent("twilio:" + sid).value().getRating()).isEqualTo(new Rating(4, RatingScale.STARS_5));
    }

    @Test
    void gives_an_sms_to_a_branch_number_the_subject_of_that_branch() throws Exception {
        String sid = messageSid();

        assertThat(post(client, localUrl(), sms(sid, PersonalData.GERMAN_PASSENGER, BRANCH_NUMBER,
                "Queue at the till was long \uD83D\uDE1E")).statusCode()).isEqualTo(200);

        FeedbackReceived event = topic.awaitEvent("twilio:" + sid).value();
        assertThat(event.getSubject()).isEqualTo("branch-london");
        assertThat(event.getRating()).isNull();
        assertThat(event.getText()).isEqualTo("Queue at the till was long \uD83D\uDE1E");
    }

    @Test
    void keeps_the_text_of_an_sms_it_cannot_place_under_unassigned() throws Exception {
        String sid = messageSid();

        assertThat(post(client, localUrl(), sms(sid, PersonalData.PASSENGER, SHARED_NUMBER,
                "The heating was broken all week \uD83D\uDE21")).statusCode()).isEqualTo(200);

        FeedbackReceived event = topic.awaitEvent("twilio:" + sid).value();
        assertThat(event.getSubject()).isEqualTo("unassigned");
        assertThat(event.getText()).isEqualTo("The heating was broken all week \uD83D\uDE21");
    }

    @Test
    void stores_nothing_for_a_picture_without_text() throws Exception {
        String sid = messageSid();
        Map<String, String> mms = sms(sid, PersonalData.PASSENGER, SHARED_NUMBER, "");
        mms.put("NumMedia", "1");
        mms.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/" + sid + "/Media/ME1");

        HttpResponse<String> response = post(client, localUrl(), mms);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        String marker = messageSid();
        post(client, localUrl(), sms(marker, PersonalData.PASSENGER, SHARED_NUMBER, "nothing to say"));
        topic.awaitEvent("twilio:" + marker);
        assertThat(topic.recordsWithKey("unassigned")).noneMatch(r -> r.value().getEventId().equals("twilio:" + sid));
    }

    @Test
    void names_what_is_missing_from_a_signed_request() throws Exception {
        Map<String, String> sms = sms(messageSid(), PersonalData.PASSENGER, SHARED_NUMBER, "route 1");
        sms.remove("MessageSid");
        sms.remove("SmsSid");
        sms.remove("SmsMessageSid");
        sms.remove("From");

        JsonNode problem = problemOf(post(client, localUrl(), sms), 400);

        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("MessageSid", "from");
    }

    @Test
    void refuses_a_body_that_is_not_form_encoded() throws Exception {
        HttpResponse<String> response = client.postTo(PATH, "application/json", "{\"Body\":\"hi\"}",
                TwilioRequests.SIGNATURE_HEADER, "anything");

        problemOf(response, 415);
    }

    private static HttpResponse<String> post(IngestHttpClient to, String signedUrl, Map<String, String> sms) {
        return TwilioRequests.postSigned(to, PATH, signedUrl, AUTH_TOKEN, sms);
    }

    private static Map<String, String> sms(String sid, String from, String to, String body) {
        return TwilioWebhook.inboundSms(sid, ACCOUNT_SID, from, to, body);
    }

    private static String messageSid() {
        return TwilioSid.random("SM");
    }

    private String localUrl() {
        return client.uri(PATH).toString();
    }

    private static String signature(String url, Map<String, String> parameters) {
        return TwilioRequests.signature(AUTH_TOKEN, url, parameters);
    }

    private static JsonNode problemOf(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return JSON.readTree(response.body());
    }
}
