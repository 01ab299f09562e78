package org.instantfeedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.ingest.config.IngestConfig;
import org.instantfeedback.ingest.config.KioskSettings;
import org.instantfeedback.ingest.config.PseudonymSettings;
import org.instantfeedback.ingest.config.Secret;
import org.instantfeedback.ingest.config.SmsGatewaySettings;
import org.instantfeedback.ingest.config.TwilioSettings;
import org.instantfeedback.ingest.http.BodySignature;
import org.instantfeedback.ingest.sms.TwilioSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Credentials at the edge and secrets in the logs. Every authenticated endpoint refuses missing
 * (401; Twilio: 403) and wrong (403) credentials, including a key of another channel; and while
 * configured secrets are used and failures provoked, no log line (message or stack trace) holds a
 * secret or a sender's phone number. Other checks live with their endpoints: a Twilio retry with
 * the same MessageSid and signature is stored once
 * ({@code TwilioSmsEndpointIT.stores_a_message_twilio_sends_again_only_once}), a gateway's
 * ({@code SmsGatewayEndpointIT.stores_a_message_the_gateway_sends_again_only_once}), and rate
 * limits hold per client and sender ({@code RateLimitIT}).
 */
@WithKafkaAndRegistry
class CredentialsAndSecretsIT {
    private static final String PSEUDONYM_SECRET = "pseudonym-secret-never-logged-4f9a1c7e2b6d8035";
    private static final String TWILIO_TOKEN = "twilio-token-never-logged-8c2e5a1f";
    private static final String SMS_KEY = "sms-key-never-logged-3b7d9e0a";
    private static final String KIOSK_KEY = "kiosk-key-never-logged-6e1f4c8b";
    private static final String HMAC_SECRET = "hmac-secret-never-logged-0a5c2e7d";
    private static final String PASSENGER = "+447700900417";
    private static final String OTHER_PASSENGER = "07700 900 582";
    private static final List<String> NEVER_LOGGED = List.of(PSEUDONYM_SECRET, TWILIO_TOKEN, SMS_KEY, KIOSK_KEY,
            HMAC_SECRET, PASSENGER, PASSENGER.substring(1), "7700900417", "07700 900 582", "7700900582");
    private static final String TWILIO_PATH = "/v1/sms/twilio";

    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
    private static Level ourLevelBefore;
    private static IngestApp app;
    private static IngestHttpClient client;

    @BeforeAll
    static void startIngestWhileCapturingLogs(KafkaAndRegistry runtime) {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        LOGS.setContext(logging);
        LOGS.start();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(LOGS);
        Logger ours = logging.getLogger("org.instantfeedback");
        ourLevelBefore = ours.getLevel();
        ours.setLevel(Level.DEBUG);
        runtime.createTopics(Map.of(Topics.FEEDBACK_RECEIVED, 1));
        app = TestIngest.start(TestIngest.env(runtime,
                PseudonymSettings.PSEUDONYM_SECRET.name(), PSEUDONYM_SECRET,
                TwilioSettings.TWILIO_AUTH_TOKEN.name(), TWILIO_TOKEN,
                SmsGatewaySettings.SMS_API_KEYS.name(), SMS_KEY,
                SmsGatewaySettings.SMS_HMAC_SECRET.name(), HMAC_SECRET,
                KioskSettings.KIOSK_API_KEYS.name(), KIOSK_KEY));
        client = new IngestHttpClient(app.port());
    }

    @AfterAll
    static void stopIngest() {
        if (app != null) {
            app.close();
        }
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(LOGS);
        logging.getLogger("org.instantfeedback").setLevel(ourLevelBefore);
    }

    @Test
    void refuses_missing_and_wrong_api_keys_on_sms_and_kiosk_batches() {
        String sms = "{\"from\":\"" + PASSENGER + "\",\"text\":\"route 4 5/5\",\"messageId\":\"k-" + UUID.randomUUID()
                + "\"}";
        String batch = "{\"kioskId\":\"k1\",\"subject\":\"branch-central\",\"items\":[{\"itemId\":\"1\",\"rating\":3}]}";
        String wrongBasic = "Basic " + Base64.getEncoder().encodeToString("gw:wrong".getBytes(StandardCharsets.UTF_8));

        assertProblem(client.postTo("/v1/sms", "application/json", sms), 401);
        assertProblem(client.postTo("/v1/sms", "application/json", sms, "X-Api-Key", "wrong"), 403);
        assertProblem(client.postTo("/v1/sms", "application/json", sms, "Authorization", "Bearer wrong"), 403);
        assertProblem(client.postTo("/v1/sms", "application/json", sms, "Authorization", wrongBasic), 403);
        assertProblem(client.postTo("/v1/sms", "application/json", sms, "X-Api-Key", KIOSK_KEY), 403);
        assertProblem(client.postTo("/v1/sms", "application/json", sms, "X-Signature", "sha256=" + "0".repeat(64)), 403);
        assertProblem(client.postTo("/v1/sms", "application/json", sms, "X-Api-Key", SMS_KEY.toUpperCase()), 403);
        assertProblem(client.postTo("/v1/feedback/batch", "application/json", batch), 401);
        assertProblem(client.postTo("/v1/feedback/batch", "application/json", batch, "X-Api-Key", "wrong"), 403);
        assertProblem(client.postTo("/v1/feedback/batch", "application/json", batch, "X-Api-Key", SMS_KEY), 403);
        assertProblem(client.postTo("/v1/feedback/batch", "application/json", batch, "X-Api-Key", KIOSK_KEY + " "
                + KIOSK_KEY), 403);
    }

    @Test
    void refuses_missing_forged_and_foreign_twilio_signatures() {
        List<Map.Entry<String, String>> sms = twilioSms("SM" + UUID.randomUUID().toString().replace("-", ""));
        String form = form(sms);
        String url = "http://localhost:" + app.port() + TWILIO_PATH;

        assertProblem(client.postTo(TWILIO_PATH, "application/x-www-form-urlencoded", form), 403);
        assertProblem(client.postTo(TWILIO_PATH, "application/x-www-form-urlencoded", form,
                "X-Twilio-Signature", "forged"), 403);
        assertProblem(client.postTo(TWILIO_PATH, "application/x-www-form-urlencoded", form, "X-Twilio-Signature",
                TwilioSignature.compute(Secret.of("another-account-token"), url, sms)), 403);
        assertProblem(client.postTo(TWILIO_PATH, "application/x-www-form-urlencoded", form, "X-Twilio-Signature",
                TwilioSignature.compute(Secret.of(TWILIO_TOKEN), url + "?replayed=elsewhere", sms)), 403);
        assertThat(client.postTo(TWILIO_PATH, "application/x-www-form-urlencoded", form, "X-Twilio-Signature",
                TwilioSignature.compute(Secret.of(TWILIO_TOKEN), url, sms)).statusCode()).isEqualTo(200);
    }

    @Test
    void logs_no_secret_and_no_phone_number_while_requests_succeed_and_fail() {
        String url = "http://localhost:" + app.port() + TWILIO_PATH;
        List<Map.Entry<String, String>> twilio = twilioSms("SM" + UUID.randomUUID().toString().replace("-", ""));
        List<Map.Entry<String, String>> picture = List.of(Map.entry("MessageSid", "SMpic" + UUID.randomUUID()
                .toString().replace("-", "")), Map.entry("From", PASSENGER), Map.entry("Body", ""),
                Map.entry("NumMedia", "1"));
        String gatewaySms = "{\"from\":\"" + OTHER_PASSENGER + "\",\"text\":\"call " + PASSENGER + ", bus 7 1/5\","
                + "\"messageId\":\"g-" + UUID.randomUUID() + "\"}";
        byte[] signedBody = gatewaySms.replace("g-", "h-").getBytes(StandardCharsets.UTF_8);
        List<Integer> statuses = new ArrayList<>();
        // Accepted: each secret in use.
        statuses.add(client.postTo(TWILIO_PATH, "application/x-www-form-urlencoded", form(twilio), "X-Twilio-Signature",
                TwilioSignature.compute(Secret.of(TWILIO_TOKEN), url, twilio)).statusCode());
        statuses.add(client.postTo(TWILIO_PATH, "application/x-www-form-urlencoded", form(picture),
                "X-Twilio-Signature", TwilioSignature.compute(Secret.of(TWILIO_TOKEN), url, picture)).statusCode());
        statuses.add(client.postTo("/v1/sms", "application/json", gatewaySms, "X-Api-Key", SMS_KEY).statusCode());
        statuses.add(client.postTo("/v1/sms", "application/json", signedBody, "X-Signature",
                BodySignature.sign(Secret.of(HMAC_SECRET), signedBody)).statusCode());
        statuses.add(client.postTo("/v1/feedback/batch", "application/json", "{\"kioskId\":\"k2\",\"subject\":"
                + "\"branch-central\",\"items\":[{\"itemId\":\"" + UUID.randomUUID() + "\",\"rating\":4}]}",
                "X-Api-Key", KIOSK_KEY).statusCode());
        // Refused and broken: wrong credentials, phone numbers where they do not belong, bodies cut short.
        statuses.add(client.postTo("/v1/sms", "application/json", gatewaySms, "X-Api-Key", SMS_KEY + "x").statusCode());
        statuses.add(client.postTo("/v1/sms", "application/json", "{\"from\":\"" + PASSENGER + "\",\"text\":",
                "X-Api-Key", SMS_KEY).statusCode());
        statuses.add(client.postTo("/v1/sms", "application/x-www-form-urlencoded", "from=" + PASSENGER + "&text=%zz",
                "X-Api-Key", SMS_KEY).statusCode());
        statuses.add(client.postTo(TWILIO_PATH, "application/x-www-form-urlencoded", form(twilio),
                "X-Twilio-Signature", TwilioSignature.compute(Secret.of(TWILIO_TOKEN), url, picture)).statusCode());
        statuses.add(client.postJson("{\"subject\":\"" + PASSENGER + "\",\"rating\":9,\"comment\":\"ring "
                + OTHER_PASSENGER + "\"}").statusCode());
        statuses.add(client.postTo("/v1/feedback/batch", "application/json", "{\"kioskId\":\"" + PASSENGER + "\"}",
                "X-Api-Key", KIOSK_KEY).statusCode());
        statuses.add(client.postTo("/v1/feedback", "application/json", ("[".repeat(5_000) + "]".repeat(5_000)),
                "Idempotency-Key", SMS_KEY).statusCode());
        statuses.add(client.get("/f/" + PASSENGER.substring(1)).statusCode());

        assertThat(statuses).containsExactly(200, 200, 202, 202, 200, 403, 400, 400, 403, 400, 400, 400, 404);
        List<String> lines = LOGS.list.stream().map(CredentialsAndSecretsIT::fullText).collect(Collectors.toList());
        assertThat(lines).as("the capture works: the app logs its start and the picture without text")
                .anyMatch(line -> line.contains("has no text"));
        for (String line : lines) {
            for (String secret : NEVER_LOGGED) {
                assertThat(line).as("a log line").doesNotContain(secret);
            }
        }
    }

    @Test
    void logs_no_phone_number_while_calls_are_rated_hung_up_and_refused() {
        String path = "/v1/voice/twilio/rating";
        String sid = "CA" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> rated = TwilioVoiceEndpointIT.keyed(sid, PASSENGER, OTHER_PASSENGER, "5");
        Map<String, String> wrongKey = TwilioVoiceEndpointIT.keyed(sid + "w", OTHER_PASSENGER, PASSENGER, "#");
        Map<String, String> withoutCallSid = TwilioVoiceEndpointIT.keyed(sid, PASSENGER, PASSENGER, "3");
        withoutCallSid.remove("CallSid");
        int before = LOGS.list.size();

        List<String> answers = List.of(
                TwilioRequests.postSigned(client, path, client.uri(path).toString(), TWILIO_TOKEN, rated).body(),
                TwilioRequests.postSigned(client, path + "?attempt=2", client.uri(path + "?attempt=2").toString(),
                        TWILIO_TOKEN, wrongKey).body(),
                TwilioRequests.postSigned(client, path, client.uri(path).toString(), TWILIO_TOKEN, withoutCallSid)
                        .body());

        assertThat(answers).allMatch(answer -> answer.endsWith("<Hangup/></Response>"));
        List<ILoggingEvent> logged = new ArrayList<>(LOGS.list);
        List<String> lines = logged.subList(before, logged.size()).stream().map(CredentialsAndSecretsIT::fullText)
                .collect(Collectors.toList());
        assertThat(lines).as("the hang-up and the refusal are logged").anyMatch(line -> line.contains("nothing stored"))
                .anyMatch(line -> line.contains("rating not stored") && line.contains("CallSid"));
        for (String line : lines) {
            for (String secret : NEVER_LOGGED) {
                assertThat(line).as("a log line").doesNotContain(secret);
            }
        }
    }

    @Test
    void shows_no_secret_in_the_configuration_as_text() {
        String config = String.valueOf(IngestConfig.from(Map.of(
                PseudonymSettings.PSEUDONYM_SECRET.name(), PSEUDONYM_SECRET, TwilioSettings.TWILIO_AUTH_TOKEN.name(), TWILIO_TOKEN,
                SmsGatewaySettings.SMS_API_KEYS.name(), SMS_KEY, SmsGatewaySettings.SMS_HMAC_SECRET.name(), HMAC_SECRET,
                KioskSettings.KIOSK_API_KEYS.name(), KIOSK_KEY,
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"ingest\" password=\"kafka-password-never-shown\";",
                "KAFKA_SSL_KEY_PASSWORD", "ssl-key-password-never-shown",
                "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "ingest:registry-password-never-shown")));

        assertThat(config).contains("Secret[hidden]").contains("bootstrap.servers");
        for (String secret : List.of(PSEUDONYM_SECRET, TWILIO_TOKEN, SMS_KEY, HMAC_SECRET, KIOSK_KEY,
                "kafka-password-never-shown", "ssl-key-password-never-shown", "registry-password-never-shown")) {
            assertThat(config).doesNotContain(secret);
        }
    }

    private static String fullText(ILoggingEvent event) {
        String text = event.getFormattedMessage() + " " + event.getLoggerName() + " " + event.getMDCPropertyMap();
        return event.getThrowableProxy() == null ? text : text + "\n" + ThrowableProxyUtil.asString(
                event.getThrowableProxy());
    }

    private static List<Map.Entry<String, String>> twilioSms(String sid) {
        return List.of(Map.entry("MessageSid", sid), Map.entry("From", PASSENGER), Map.entry("To", "+442079460001"),
                Map.entry("Body", "route 12 was great 5/5, call me " + OTHER_PASSENGER), Map.entry("NumMedia", "0"));
    }

    private static String form(List<Map.Entry<String, String>> parameters) {
        return parameters.stream().map(p -> java.net.URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
                + java.net.URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        for (String secret : NEVER_LOGGED) {
            assertThat(response.body()).doesNotContain(secret);
        }
    }
}
