package org.instantfeedback.embedded.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwilioApiStandInTest {
    private static final String PASSENGER = "+447700900123";
    private static final String OPERATOR = "+447700900999";

    private final StandInAccount account = StandInAccount.random();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private TwilioApiStandIn twilio;

    @BeforeEach
    void start() {
        twilio = account.start();
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void creates_a_message_and_answers_with_twilios_json() throws Exception {
        HttpResponse<String> response = send(withAuthToken(), message());

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("sid").asText()).matches("SM[0-9a-f]{32}");
        assertThat(answer.get("status").asText()).isEqualTo("queued");
        assertThat(answer.get("to").asText()).isEqualTo(PASSENGER);
        assertThat(answer.get("from").asText()).isEqualTo(OPERATOR);
        assertThat(answer.get("body").asText()).isEqualTo("Thanks, we are on it");
        assertThat(answer.get("account_sid").asText()).isEqualTo(account.accountSid());
        assertThat(answer.get("api_version").asText()).isEqualTo("2010-04-01");
        assertThat(answer.get("date_created").asText()).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(answer.get("num_segments").asText()).isEqualTo("1");
        assertThat(answer.get("error_code").isNull()).isTrue();
        assertThat(answer.get("error_message").isNull()).isTrue();
        assertThat(answer.get("uri").asText())
                .isEqualTo("/2010-04-01/Accounts/" + account.accountSid() + "/Messages/" + answer.get("sid").asText()
                        + ".json");
        assertThat(twilio.messages()).singleElement().satisfies(message -> {
            assertThat(message.sid()).isEqualTo(answer.get("sid").asText());
            assertThat(message.to()).isEqualTo(PASSENGER);
            assertThat(message.from()).contains(OPERATOR);
            assertThat(message.messagingServiceSid()).isEmpty();
            assertThat(message.statusCallback()).isEmpty();
        });
    }

    @Test
    void accepts_an_api_key_while_the_path_names_the_account() throws Exception {
        assertThat(send(basic(account.apiKeySid(), account.apiKeySecret()), message()).statusCode()).isEqualTo(201);
        assertThat(twilio.messages()).hasSize(1);
    }

    @Test
    void refuses_wrong_or_missing_credentials_with_20003() throws Exception {
        List<String> wrong = List.of(basic(account.accountSid(), "not-the-token"),
                basic(account.apiKeySid(), account.authToken()),
                basic(TwilioSid.random("SK"), account.apiKeySecret()), "Bearer " + account.authToken());
        for (String authorization : wrong) {
            HttpResponse<String> response = send(authorization, message());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json.readTree(response.body()).get("code").asInt()).isEqualTo(20003);
        }
        assertThat(twilio.messages()).isEmpty();
        assertThat(twilio.refusals()).hasSize(wrong.size()).allSatisfy(refusal -> assertThat(refusal.errorCode()).isEqualTo(20003));
    }

    @Test
    void refuses_a_path_with_another_account_with_twilios_404() throws Exception {
        String otherAccount = TwilioSid.random("AC");
        HttpResponse<String> response = post("/2010-04-01/Accounts/" + otherAccount + "/Messages.json",
                withAuthToken(), "application/x-www-form-urlencoded", form(message()));

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("code").asInt()).isEqualTo(20404);
        assertThat(error.get("status").asInt()).isEqualTo(404);
        assertThat(error.get("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/20404");
        assertThat(twilio.messages()).isEmpty();
    }

    @Test
    void finds_no_parameters_in_a_body_that_is_not_form_encoded() throws Exception {
        HttpResponse<String> response = post(messagesPath(), withAuthToken(), "application/json",
                "{\"To\":\"" + PASSENGER + "\",\"From\":\"" + OPERATOR + "\",\"Body\":\"hi\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(twilio.refusals()).singleElement().satisfies(refusal -> assertThat(refusal.reason()).contains("Content-Type"));
    }

    @Test
    void refuses_a_missing_recipient_with_21604_and_one_not_in_e164_with_21211() throws Exception {
        assertRefused(without(message(), "To"), 21604);
        assertRefused(with(message(), "To", "07700 900123"), 21211);
        assertRefused(with(message(), "To", "+4412"), 21211);
    }

    @Test
    void refuses_a_message_without_from_or_messaging_service_with_21603() throws Exception {
        assertRefused(without(message(), "From"), 21603);
    }

    @Test
    void takes_a_messaging_service_instead_of_a_from_and_refuses_a_malformed_one_with_21705() throws Exception {
        String service = TwilioSid.random("MG");
        HttpResponse<String> response = send(withAuthToken(), with(without(message(), "From"),
                "MessagingServiceSid", service));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json.readTree(response.body()).get("status").asText()).isEqualTo("accepted");
        assertThat(twilio.messages()).singleElement().satisfies(message -> {
            assertThat(message.from()).isEmpty();
            assertThat(message.messagingServiceSid()).contains(service);
        });
        assertRefused(with(without(message(), "From"), "MessagingServiceSid", "MG123"), 21705);
    }

    @Test
    void refuses_an_empty_body_with_21602_and_one_over_1600_characters_with_21617() throws Exception {
        assertRefused(without(message(), "Body"), 21602);
        assertRefused(with(message(), "Body", "x".repeat(1_601)), 21617);

        HttpResponse<String> longest = send(withAuthToken(), with(message(), "Body", "x".repeat(1_600)));
        assertThat(longest.statusCode()).isEqualTo(201);
        assertThat(json.readTree(longest.body()).get("num_segments").asText()).isEqualTo("11");
    }

    @Test
    void refuses_a_status_callback_that_is_not_an_http_url_with_21609() throws Exception {
        assertRefused(with(message(), "StatusCallback", "ftp://example.com/status"), 21609);
    }

    @Test
    void refuses_an_opted_out_recipient_with_21610() throws Exception {
        twilio.optOut(PASSENGER);

        HttpResponse<String> response = assertRefused(message(), 21610);
        assertThat(json.readTree(response.body()).get("message").asText()).isEqualTo("Attempt to send to unsubscribed recipient");
    }

    @Test
    void fails_the_next_requests_as_asked_and_creates_nothing_for_them() throws Exception {
        twilio.failNext(2, 503);

        HttpResponse<String> first = send(withAuthToken(), message());
        HttpResponse<String> second = send(withAuthToken(), message());
        HttpResponse<String> third = send(withAuthToken(), message());

        assertThat(List.of(first.statusCode(), second.statusCode(), third.statusCode())).containsExactly(503, 503, 201);
        assertThat(json.readTree(first.body()).get("code").asInt()).isEqualTo(20503);
        assertThat(twilio.messages()).hasSize(1);
        assertThat(twilio.refusals()).extracting(Refusal::httpStatus).containsExactly(503, 503);
    }

    @Test
    void a_stalled_answer_comes_after_the_clients_timeout_but_the_message_is_created() {
        twilio.stallNext(1, Duration.ofSeconds(2));
        HttpRequest request = request(messagesPath(), withAuthToken(), "application/x-www-form-urlencoded",
                form(message())).timeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(twilio.messages()).hasSize(1);
    }

    @Test
    void refuses_connections_while_stopped_and_answers_again_on_the_same_port_after_a_restart() throws Exception {
        String baseUrl = twilio.baseUrl();
        twilio.stop();

        assertThatThrownBy(() -> send(withAuthToken(), message())).isInstanceOf(ConnectException.class);

        twilio.restart();
        assertThat(twilio.baseUrl()).isEqualTo(baseUrl);
        assertThat(send(withAuthToken(), message()).statusCode()).isEqualTo(201);
        assertThat(twilio.messages()).hasSize(1);
    }

    @Test
    void posts_status_callbacks_signed_as_twilio_signs_them() throws Exception {
        try (CallbackReceiver receiver = CallbackReceiver.start()) {
            send(withAuthToken(), with(message(), "StatusCallback", receiver.url()));
            String sid = twilio.messages().get(0).sid();

            assertThat(twilio.deliver(sid, "sent", null)).isEqualTo(204);
            assertThat(twilio.deliver(sid, "undelivered", "30003")).isEqualTo(204);

            assertThat(receiver.callbacks()).hasSize(2);
            Map<String, String> sent = receiver.callbacks().get(0).parameters();
            assertThat(sent).containsEntry("MessageSid", sid).containsEntry("SmsSid", sid)
                    .containsEntry("MessageStatus", "sent").containsEntry("SmsStatus", "sent")
                    .containsEntry("AccountSid", account.accountSid()).containsEntry("From", OPERATOR)
                    .containsEntry("To", PASSENGER).containsEntry("ApiVersion", "2010-04-01")
                    .doesNotContainKey("ErrorCode");
            assertThat(receiver.callbacks().get(1).parameters()).containsEntry("MessageStatus", "undelivered")
                    .containsEntry("ErrorCode", "30003");
            TwilioSignature expected = new TwilioSignature(account.authToken());
            assertThat(receiver.callbacks()).allSatisfy(callback ->
                    assertThat(expected.verifies(receiver.url(), callback.parameters(), callback.signature())).isTrue());
        }
    }

    @Test
    void delivers_on_its_own_when_asked_to() throws Exception {
        try (CallbackReceiver receiver = CallbackReceiver.start()) {
            twilio.autoDeliver(Duration.ofMillis(50));
            send(withAuthToken(), with(message(), "StatusCallback", receiver.url()));

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.callbacks().size() == 2);
            assertThat(receiver.callbacks()).extracting(callback -> callback.parameters().get("MessageStatus"))
                    .containsExactly("sent", "delivered");
        }
    }

    @Test
    void hides_the_recipient_and_the_text_of_what_it_received() throws Exception {
        send(withAuthToken(), message());

        assertThat(twilio.messages().get(0).toString()).doesNotContain(PASSENGER).doesNotContain("we are on it");
    }

    private HttpResponse<String> assertRefused(Map<String, String> parameters, int code) throws Exception {
        int before = twilio.messages().size();
        HttpResponse<String> response = send(withAuthToken(), parameters);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("code").asInt()).isEqualTo(code);
        assertThat(twilio.refusals()).last().satisfies(refusal -> assertThat(refusal.errorCode()).isEqualTo(code));
        assertThat(twilio.messages()).hasSize(before);
        return response;
    }

    private static Map<String, String> message() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("To", PASSENGER);
        parameters.put("From", OPERATOR);
        parameters.put("Body", "Thanks, we are on it");
        return parameters;
    }

    private static Map<String, String> with(Map<String, String> parameters, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.put(name, value);
        return changed;
    }

    private static Map<String, String> without(Map<String, String> parameters, String name) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.remove(name);
        return changed;
    }

    private String messagesPath() {
        return "/2010-04-01/Accounts/" + account.accountSid() + "/Messages.json";
    }

    private HttpResponse<String> send(String authorization, Map<String, String> parameters) throws Exception {
        return post(messagesPath(), authorization, "application/x-www-form-urlencoded", form(parameters));
    }

    private HttpResponse<String> post(String path, String authorization, String contentType, String body) throws Exception {
        return http.send(request(path, authorization, contentType, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String authorization, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(twilio.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String form(Map<String, String> parameters) {
        return FormEncoding.encode(parameters);
    }

    /** HTTP Basic with the account's SID and auth token, the way most clients authenticate. */
    private String withAuthToken() {
        return basic(account.accountSid(), account.authToken());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An endpoint of ours that takes Twilio's status callbacks, as feedback-ingest's would. */
    private static final class CallbackReceiver implements AutoCloseable {
        record Callback(Map<String, String> parameters, String signature) {
        }

        private final HttpServer server;
        private final List<Callback> callbacks = new CopyOnWriteArrayList<>();

        private CallbackReceiver(HttpServer server) {
            this.server = server;
        }

        static CallbackReceiver start() throws IOException {
            CallbackReceiver receiver = new CallbackReceiver(
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10));
            receiver.server.createContext("/", exchange -> {
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    receiver.callbacks.add(new Callback(FormEncoding.decode(body),
                            exchange.getRequestHeaders().getFirst("X-Twilio-Signature")));
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            receiver.server.start();
            return receiver;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/sms/twilio/status?tenant=t1";
        }

        List<Callback> callbacks() {
            return List.copyOf(callbacks);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
