package org.instantfeedback.replies.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.instantfeedback.events.DeliveryStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayProviderTest {
    private static final String PASSENGER = "+447700900123";
    private static final String OPERATOR = "+447700900999";

    private final ObjectMapper json = new ObjectMapper();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int answerStatus = 200;
    private volatile String answerBody = "{\"id\":\"gw-42\",\"state\":\"queued\"}";
    /** Held closed, the gateway keeps its answer until the test is over: a gateway that hangs. */
    private final CountDownLatch answerReleased = new CountDownLatch(1);
    private volatile boolean hangs;
    private final ExecutorService gatewayThreads = Executors.newCachedThreadPool();
    private HttpServer gateway;

    /** One request as the gateway saw it. */
    record Request(String contentType, String authorization, String body) {
    }

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        gateway.createContext("/sms/outbound", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Request(exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Authorization"), body));
                if (hangs) {
                    answerReleased.await(30, TimeUnit.SECONDS);
                }
                byte[] answer = answerBody.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answerStatus, answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    exchange.getResponseBody().write(answer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        gateway.setExecutor(gatewayThreads); // a hanging answer must not block the next test's request
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        answerReleased.countDown();
        gateway.stop(0);
        gatewayThreads.shutdownNow();
    }

    @Test
    void posts_json_with_the_default_field_names_and_the_reply_id_as_reference() throws Exception {
        SendResult result = provider(env()).send(reply());

        assertThat(result).isEqualTo(new SendResult.Accepted("gw-42", DeliveryStatus.QUEUED));
        Request request = requests.get(0);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.authorization()).isNull();
        Map<String, Object> body = json.readValue(request.body(),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(body).containsExactlyInAnyOrderEntriesOf(Map.<String, Object>of("to", PASSENGER, "from", OPERATOR,
                "text", "Your bag is at the lost and found", "reference", "r-7"));
    }

    @Test
    void posts_a_form_with_the_gateways_own_field_names_and_authorization() {
        Map<String, String> env = env();
        env.put("REPLY_GATEWAY_FORMAT", "form");
        env.put("REPLY_GATEWAY_AUTH", "Bearer gw-token");
        env.put("REPLY_GATEWAY_TO_FIELD", "msisdn");
        env.put("REPLY_GATEWAY_FROM_FIELD", "sender");
        env.put("REPLY_GATEWAY_TEXT_FIELD", "message");
        env.put("REPLY_GATEWAY_REFERENCE_FIELD", "client_ref");
        env.put("REPLY_GATEWAY_ID_FIELD", "message_id");
        answerBody = "{\"message_id\": 981}";

        SendResult result = provider(env).send(reply());

        assertThat(result).isEqualTo(new SendResult.Accepted("981", DeliveryStatus.QUEUED));
        Request request = requests.get(0);
        assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.authorization()).isEqualTo("Bearer gw-token");
        assertThat(form(request.body())).containsExactlyInAnyOrderEntriesOf(Map.of("msisdn", PASSENGER,
                "sender", OPERATOR, "message", "Your bag is at the lost and found", "client_ref", "r-7"));
    }

    @Test
    void an_answer_without_json_is_accepted_without_an_id() {
        answerStatus = 202;
        answerBody = "OK";

        assertThat(provider(env()).send(reply())).isEqualTo(new SendResult.Accepted(null, DeliveryStatus.QUEUED));
    }

    @Test
    void a_client_error_is_refused_without_the_number_it_quotes() {
        answerStatus = 400;
        answerBody = "{\"error\":\"invalid destination " + PASSENGER + "\"}";

        assertThat(provider(env()).send(reply())).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
            assertThat(refused.errorCode()).isEqualTo("400");
            assertThat(refused.message()).contains("invalid destination").doesNotContain(PASSENGER);
            assertThat(refused.optedOut()).isFalse();
        });
    }

    @Test
    void rate_limiting_is_not_sent_and_may_be_retried() {
        answerStatus = 429;

        SendResult result = provider(env()).send(reply());

        assertThat(result).isInstanceOf(SendResult.NotSent.class);
        assertThat(result.retryable()).isTrue();
    }

    @Test
    void a_server_error_is_an_unknown_outcome() {
        answerStatus = 500;

        assertThat(provider(env()).send(reply())).isInstanceOf(SendResult.Unknown.class);
    }

    @Test
    void a_gateway_that_hangs_past_the_timeout_is_an_unknown_outcome() {
        hangs = true;
        Map<String, String> env = env();
        env.put("REPLY_GATEWAY_TIMEOUT", "PT0.3S");

        assertThat(provider(env).send(reply())).isInstanceOf(SendResult.Unknown.class);
        assertThat(requests).hasSize(1);
    }

    @Test
    void a_closed_port_is_not_sent() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Map<String, String> env = env();
        env.put("REPLY_GATEWAY_URL", "http://127.0.0.1:" + closedPort + "/sms/outbound");

        assertThat(provider(env).send(reply())).isInstanceOf(SendResult.NotSent.class);
    }

    @Test
    void a_connection_reset_after_the_request_was_read_is_an_unknown_outcome() throws Exception {
        try (ServerSocket resetting = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread reader = new Thread(() -> readThenReset(resetting), "resetting-gateway");
            reader.setDaemon(true);
            reader.start();
            Map<String, String> env = env();
            env.put("REPLY_GATEWAY_URL", "http://127.0.0.1:" + resetting.getLocalPort() + "/sms/outbound");

            assertThat(provider(env).send(reply())).isInstanceOf(SendResult.Unknown.class);
        }
    }

    @Test
    void its_settings_never_show_the_authorization_value() {
        Map<String, String> env = env();
        env.put("REPLY_GATEWAY_AUTH", "Bearer gw-token");

        assertThat(GatewaySenderSettings.from(env).toString()).doesNotContain("gw-token");
    }

    /** Takes the request as a gateway would, then drops the connection with a reset instead of an answer. */
    private static void readThenReset(ServerSocket server) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8_192];
            in.read(buffer); // the request's headers and, this small, its body
            socket.setSoLinger(true, 0); // close with RST
        } catch (IOException e) {
            // the test asserts on what the client saw
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("REPLY_GATEWAY_URL", "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms/outbound");
        env.put("REPLY_GATEWAY_TIMEOUT", "PT5S");
        return env;
    }

    private static GatewayProvider provider(Map<String, String> env) {
        return GatewayProvider.create(GatewaySenderSettings.from(env));
    }

    private static OutgoingSms reply() {
        return new OutgoingSms("r-7", PASSENGER, OPERATOR, "Your bag is at the lost and found", Optional.empty());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return fields;
    }
}
