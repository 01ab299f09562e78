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
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;
import org.instantfeedback.ingest.config.SubjectSettings;
import org.instantfeedback.ingest.config.TwilioSettings;
import org.instantfeedback.ingest.config.VoiceSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Touch-tone ratings over Twilio Voice against a real broker: signatures, TwiML, retries, wrong keys, privacy. */
@WithKafkaAndRegistry
class TwilioVoiceEndpointIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH_TOKEN = "twilio-voice-test-auth-token-0123456789";
    private static final String CALL_PATH = "/v1/voice/twilio";
    private static final String RATING_PATH = "/v1/voice/twilio/rating";
    private static final String SECOND_RATING_PATH = RATING_PATH + "?attempt=2";
    private static final String PUBLIC_BASE_URL = "https://feedback.example.com/ingest";
    private static final String BRANCH_NUMBER = "+442079460000";
    private static final String SHARED_NUMBER = "+442079460001";
    private static final String QUESTION = "How was Central & the 42? Press 1 to 5.";
    private static final String THANKS = "<Say voice=\"alice\" language=\"en-GB\">Thank you, your rating has been"
            + " recorded. Goodbye.</Say><Hangup/>";

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
                """);
        client = INGEST.start(runtime,
                TwilioSettings.TWILIO_AUTH_TOKEN.name(), AUTH_TOKEN,
                SubjectSettings.SMS_RULES_FILE.name(), rules.toString(),
                VoiceSettings.VOICE_QUESTION.name(), QUESTION);
        proxiedClient = INGEST.start(runtime,
                TwilioSettings.TWILIO_AUTH_TOKEN.name(), AUTH_TOKEN,
                TwilioSettings.PUBLIC_BASE_URL.name(), PUBLIC_BASE_URL,
                VoiceSettings.VOICE_VOICE.name(), "Polly.Amy",
                VoiceSettings.VOICE_TIMEOUT.name(), "12");
        topic = INGEST.topic();
    }

    @Test
    void answers_a_signed_call_with_a_question_waiting_for_one_key() {
        HttpResponse<String> response = post(client, CALL_PATH, call(callSid(), PersonalData.PASSENGER, BRANCH_NUMBER));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/xml"));
        assertThat(response.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Gather input=\"dtmf\" numDigits=\"1\" timeout=\"8\" action=\"" + client.uri(RATING_PATH)
                + "\" method=\"POST\"><Say voice=\"alice\" language=\"en-GB\">How was Central &amp; the 42? Press 1"
                + " to 5.</Say></Gather><Say voice=\"alice\" language=\"en-GB\">We did not get a rating. Goodbye."
                + "</Say></Response>");
    }

    @Test
    void stores_a_key_from_one_to_five_as_a_voice_rating_of_the_called_numbers_subject() {
        String sid = callSid();

        HttpResponse<String> response = post(client, RATING_PATH,
                keyed(sid, PersonalData.PASSENGER, BRANCH_NUMBER, "4"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + THANKS
                + "</Response>");
        ConsumerRecord<String, FeedbackReceived> record = topic.awaitEvent("twilio-call:" + sid);
        FeedbackReceived event = record.value();
        assertThat(record.key()).isEqualTo("branch-london");
        assertThat(event.getChannel()).isEqualTo(Channel.VOICE);
        assertThat(event.getSubject()).isEqualTo("branch-london");
        assertThat(event.getRating()).isEqualTo(new Rating(4, RatingScale.STARS_5));
        assertThat(event.getText()).isNull();
        assertThat(event.getSenderPseudonym()).isNotEqualTo(PersonalData.PASSENGER)
                .isEqualTo(TestIngest.pseudonymOf(PersonalData.PASSENGER));
    }

    @Test
    void places_a_call_to_a_number_no_rule_names_under_unassigned_as_an_sms_would_be() {
        String sid = callSid();

        assertThat(post(client, RATING_PATH, keyed(sid, PersonalData.SWEDISH_PASSENGER, SHARED_NUMBER, "1"))
                .body()).contains(THANKS);

        assertThat(topic.awaitEvent("twilio-call:" + sid).value().getSubject()).isEqualTo("unassigned");
    }

    @Test
    void stores_a_rating_twilio_sends_again_only_once() {
        String sid = callSid();
        Map<String, String> rating = keyed(sid, PersonalData.OTHER_PASSENGER, BRANCH_NUMBER, "2");

        HttpResponse<String> first = post(client, RATING_PATH, rating);
        HttpResponse<String> retry = post(client, RATING_PATH, rating);

        assertThat(first.body()).contains(THANKS);
        assertThat(retry.body()).as("a retry is thanked like the first").contains(THANKS);
        String marker = callSid();
        post(client, RATING_PATH, keyed(marker, PersonalData.OTHER_PASSENGER, BRANCH_NUMBER, "3"));
        topic.awaitEvent("twilio-call:" + marker);
        assertThat(topic.recordsWithKey("branch-london")).extracting(record -> record.value().getEventId())
                .containsOnlyOnce("twilio-call:" + sid);
    }

    @Test
    void asks_once_more_after_a_key_that_is_no_rating_and_stores_nothing() {
        String sid = callSid();

        HttpResponse<String> response = post(client, RATING_PATH, keyed(sid, PersonalData.PASSENGER, BRANCH_NUMBER,
                "9"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("<Gather input=\"dtmf\" numDigits=\"1\" timeout=\"8\" action=\""
                + client.uri(SECOND_RATING_PATH) + "\" method=\"POST\"><Say voice=\"alice\" language=\"en-GB\">"
                + "Please press a key from 1 to 5.</Say><Say voice=\"alice\" language=\"en-GB\">How was Central")
                .doesNotContain("<Hangup/>");
        assertNothingStoredFor(sid);
    }

    @Test
    void hangs_up_after_a_second_key_that_is_no_rating_and_stores_nothing() {
        String sid = callSid();
        assertThat(post(client, RATING_PATH, keyed(sid, PersonalData.PASSENGER, BRANCH_NUMBER, "*")).body())
                .contains(client.uri(SECOND_RATING_PATH).toString());

        HttpResponse<String> second = post(client, SECOND_RATING_PATH,
                keyed(sid, PersonalData.PASSENGER, BRANCH_NUMBER, "0"));

        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(second.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say voice=\"alice\""
                + " language=\"en-GB\">We did not get a rating. Goodbye.</Say><Hangup/></Response>");
        assertNothingStoredFor(sid);
    }

    @Test
    void stores_a_rating_keyed_at_the_second_question() {
        String sid = callSid();

        HttpResponse<String> response = post(client, SECOND_RATING_PATH,
                keyed(sid, PersonalData.GERMAN_PASSENGER, BRANCH_NUMBER, "5"));

        assertThat(response.body()).contains(THANKS);
        assertThat(topic.awaitEvent("twilio-call:" + sid).value().getRating()).isEqualTo(new Rating(5,
                RatingScale.STARS_5));
    }

    @Test
    void refuses_requests_without_a_signature() throws Exception {
        HttpResponse<String> call = client.postTo(CALL_PATH, TwilioRequests.FORM,
                TwilioRequests.form(call(callSid(), PersonalData.PASSENGER, BRANCH_NUMBER)));
        HttpResponse<String> rating = client.postTo(RATING_PATH, TwilioRequests.FORM,
                TwilioRequests.form(keyed(callSid(), PersonalData.PASSENGER, BRANCH_NUMBER, "5")));

        assertThat(problemOf(call, 403).path("detail").asText()).contains("X-Twilio-Signature");
        assertThat(problemOf(rating, 403).path("detail").asText()).contains("X-Twilio-Signature");
    }

    @Test
    void refuses_a_forged_signature_and_one_for_other_keys_or_another_attempt() throws Exception {
        String sid = callSid();
        Map<String, String> rating = keyed(sid, PersonalData.PASSENGER, BRANCH_NUMBER, "1");
        Map<String, String> changed = keyed(sid, PersonalData.PASSENGER, BRANCH_NUMBER, "5");
        String signature = TwilioRequests.signature(AUTH_TOKEN, client.uri(RATING_PATH).toString(), rating);

        HttpResponse<String> forged = client.postTo(RATING_PATH, TwilioRequests.FORM, TwilioRequests.form(rating),
                TwilioRequests.SIGNATURE_HEADER, TwilioRequests.signature("not-the-auth-token",
                        client.uri(RATING_PATH).toString(), rating));
        HttpResponse<String> otherKey = client.postTo(RATING_PATH, TwilioRequests.FORM, TwilioRequests.form(changed),
                TwilioRequests.SIGNATURE_HEADER, signature);
        HttpResponse<String> firstAttemptPostedAsSecond = client.postTo(SECOND_RATING_PATH, TwilioRequests.FORM,
                TwilioRequests.form(rating), TwilioRequests.SIGNATURE_HEADER, signature);

        problemOf(forged, 403);
        problemOf(otherKey, 403);
        problemOf(firstAttemptPostedAsSecond, 403);
        assertNothingStoredFor(sid);
    }

    @Test
    void points_twilio_at_the_public_url_and_checks_signatures_against_it_behind_a_proxy() throws Exception {
        String sid = callSid();

        HttpResponse<String> call = TwilioRequests.postSigned(proxiedClient, CALL_PATH, PUBLIC_BASE_URL + CALL_PATH,
                AUTH_TOKEN, call(sid, PersonalData.PASSENGER, BRANCH_NUMBER));
        HttpResponse<String> wrongKey = TwilioRequests.postSigned(proxiedClient, RATING_PATH,
                PUBLIC_BASE_URL + RATING_PATH, AUTH_TOKEN, keyed(sid, PersonalData.PASSENGER, BRANCH_NUMBER, "#"));
        HttpResponse<String> rating = TwilioRequests.postSigned(proxiedClient, SECOND_RATING_PATH,
                PUBLIC_BASE_URL + SECOND_RATING_PATH, AUTH_TOKEN, keyed(sid, PersonalData.PASSENGER, BRANCH_NUMBER,
                        "3"));
        HttpResponse<String> signedForInternalUrl = TwilioRequests.postSigned(proxiedClient, CALL_PATH,
                proxiedClient.uri(CALL_PATH).toString(), AUTH_TOKEN, call(sid, PersonalData.PASSENGER, BRANCH_NUMBER));

        assertThat(call.body()).as(call.body()).contains("<Gather input=\"dtmf\" numDigits=\"1\" timeout=\"12\""
                + " action=\"" + PUBLIC_BASE_URL + RATING_PATH + "\"").contains("<Say voice=\"Polly.Amy\"");
        assertThat(wrongKey.body()).contains("action=\"" + PUBLIC_BASE_URL + SECOND_RATING_PATH + "\"");
        assertThat(rating.body()).contains("recorded. Goodbye.</Say><Hangup/>");
        assertThat(topic.awaitEvent("twilio-call:" + sid).value().getSubject()).isEqualTo("unassigned");
        problemOf(signedForInternalUrl, 403);
    }

    @Test
    void refuses_a_body_that_is_not_form_encoded() throws Exception {
        problemOf(client.postTo(RATING_PATH, "application/json", "{\"Digits\":\"5\"}",
                TwilioRequests.SIGNATURE_HEADER, "anything"), 415);
    }

    private void assertNothingStoredFor(String sid) {
        String marker = callSid();
        post(client, RATING_PATH, keyed(marker, PersonalData.PASSENGER, BRANCH_NUMBER, "3"));
        topic.awaitEvent("twilio-call:" + marker);
        assertThat(topic.recordsWithKey("branch-london"))
                .noneMatch(record -> record.value().getEventId().equals("twilio-call:" + sid));
    }

    private static HttpResponse<String> post(IngestHttpClient to, String pathAndQuery, Map<String, String> params) {
        return TwilioRequests.postSigned(to, pathAndQuery, to.uri(pathAndQuery).toString(), AUTH_TOKEN, params);
    }

    /** What Twilio posts when a call comes in (field names and shapes of its Voice webhook). */
    static Map<String, String> call(String sid, String from, String to) {
        Map<String, String> call = new LinkedHashMap<>();
        call.put("AccountSid", "AC" + "1".repeat(32));
        call.put("ApiVersion", "2010-04-01");
        call.put("CallSid", sid);
        call.put("CallStatus", "ringing");
        call.put("Called", to);
        call.put("CalledCountry", "GB");
        call.put("Caller", from);
        call.put("Direction", "inbound");
        call.put("From", from);
        call.put("FromCountry", "GB");
        call.put("To", to);
        call.put("ToCountry", "GB");
        return call;
    }

    /** What Twilio posts to a {@code <Gather>} action once a key is pressed. */
    static Map<String, String> keyed(String sid, String from, String to, String digits) {
        Map<String, String> keyed = call(sid, from, to);
        keyed.put("CallStatus", "in-progress");
        keyed.put("Digits", digits);
        keyed.put("FinishedOnKey", "");
        keyed.put("msg", "Gather End");
        return keyed;
    }

    private static String callSid() {
        return TwilioSid.random("CA");
    }

    private static JsonNode problemOf(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return JSON.readTree(response.body());
    }
}
