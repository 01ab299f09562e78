package org.instantfeedback.streams.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.instantfeedback.service.problem.Problem;
import org.instantfeedback.streams.csat.Feedback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may read the query API, and from which browser pages. */
class ApiAccessTest {
    private static final Instant NOW = Instant.parse("2026-05-04T12:10:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "s3cret-token-for-ops";

    @TempDir
    Path stateDir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private QueryApiFixture api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void refuses_to_start_with_token_auth_but_no_tokens_and_names_the_variables() {
        ApiSettings settings = ApiSettings.from(Map.of());

        assertThatThrownBy(settings::requireCredentials)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STREAMS_API_AUTH")
                .hasMessageContaining("STREAMS_API_TOKENS")
                .hasMessageContaining("STREAMS_API_USERS");
        assertThatThrownBy(() -> ApiSettings.from(Map.of("STREAMS_API_AUTH", "basic")).requireCredentials())
                .hasMessageContaining("STREAMS_API_USERS");
        assertThatThrownBy(() -> ApiSettings.from(Map.of("STREAMS_API_AUTH", "kerberos")))
                .hasMessageContaining("token, basic or none");
    }

    @Nested
    class WithTokens {
        @Test
        void asks_for_a_bearer_token_with_a_401_problem() throws Exception {
            start(Map.of("STREAMS_API_AUTH", "token", "STREAMS_API_TOKENS", "other-token, " + TOKEN));

            for (String path : new String[] {"/v1/subjects", "/v1/subjects/route-42/csat", "/v1/alerts", "/"}) {
                HttpResponse<String> response = send(get(path));
                assertThat(response.statusCode()).as(path).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate"))
                        .hasValue("Bearer realm=\"feedback-streams\"");
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith(Problem.CONTENT_TYPE));
                assertThat(JSON.readTree(response.body()).get("type").asText()).isEqualTo("urn:instantfeedback:problem:unauthorized");
            }
            assertThat(send(get("/v1/subjects").header("Authorization", "Bearer not-" + TOKEN)).statusCode())
                    .isEqualTo(401);
            assertThat(send(post("/v1/alerts/any/resolve")).statusCode()).isEqualTo(401);
        }

        @Test
        void answers_a_request_with_one_of_the_tokens() throws Exception {
            start(Map.of("STREAMS_API_AUTH", "token", "STREAMS_API_TOKENS", "other-token, " + TOKEN));

            HttpResponse<String> response = send(get("/v1/subjects/route-42/csat").header("Authorization",
                    "Bearer " + TOKEN));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("csatPercent").asDouble()).isEqualTo(100.0);
            assertThat(send(get("/v1/subjects").header("Authorization", "Bearer other-token")).statusCode())
                    .isEqualTo(200);
        }

        @Test
        void a_browser_brings_the_token_once_in_the_address_and_then_in_a_strict_cookie() throws Exception {
            start(Map.of("STREAMS_API_TOKENS", TOKEN));

            HttpResponse<String> first = send(get("/v1/subjects?access_token=" + TOKEN));

            assertThat(first.statusCode()).isEqualTo(200);
            String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).startsWith(ApiAccess.TOKEN_COOKIE + "=" + TOKEN).contains("HttpOnly")
                    .containsIgnoringCase("SameSite=Strict");
            HttpResponse<String> later = send(get("/v1/alerts").header("Cookie", cookie.split(";")[0]));
            assertThat(later.statusCode()).isEqualTo(200);
            assertThat(send(get("/v1/alerts").header("Cookie", ApiAccess.TOKEN_COOKIE + "=guess")).statusCode())
                    .isEqualTo(401);
        }

        @Test
        void keeps_health_probes_and_metrics_open() throws Exception {
            start(Map.of("STREAMS_API_TOKENS", TOKEN));

            assertThat(send(get("/health/live")).statusCode()).isEqualTo(200);
            assertThat(send(get("/health/ready")).statusCode()).isEqualTo(200);
            assertThat(send(get("/metrics")).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class WithUsers {
        @Test
        void asks_for_user_and_password_and_takes_only_the_right_pair() throws Exception {
            start(Map.of("STREAMS_API_AUTH", "basic", "STREAMS_API_USERS", "sam:correct horse,kim:battery"));

            HttpResponse<String> none = send(get("/v1/subjects"));
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate"))
                    .hasValue("Basic realm=\"feedback-streams\", charset=\"UTF-8\"");
            assertThat(send(get("/v1/subjects").header("Authorization", basic("sam", "correct horse"))).statusCode())
                    .isEqualTo(200);
            assertThat(send(get("/v1/subjects").header("Authorization", basic("kim", "battery"))).statusCode())
                    .isEqualTo(200);
            assertThat(send(get("/v1/subjects").header("Authorization", basic("sam", "battery"))).statusCode())
                    .isEqualTo(401);
            assertThat(send(get("/v1/subjects").header("Authorization", basic("eve", "battery"))).statusCode())
                    .isEqualTo(401);
            assertThat(send(get("/v1/subjects").header("Authorization", "Bearer battery")).statusCode())
                    .isEqualTo(401);
        }

        private String basic(String user, String password) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @Nested
    class Cors {
        @Test
        void lets_no_other_origin_in_unless_configured() throws Exception {
            start(Map.of("STREAMS_API_AUTH", "none"));

            HttpResponse<String> response = send(get("/v1/subjects").header("Origin", "https://evil.example"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(send(preflight("https://evil.example")).statusCode()).isEqualTo(403);
        }

        @Test
        void lets_a_configured_origin_in_with_its_token() throws Exception {
            start(Map.of("STREAMS_API_TOKENS", TOKEN, "STREAMS_API_CORS_ORIGINS",
                    "https://ops.example.com, http://localhost:3000"));

            HttpResponse<String> preflight = send(preflight("https://ops.example.com"));
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://ops.example.com");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                    headers -> assertThat(headers).contains("Authorization"));
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                    methods -> assertThat(methods).contains("POST"));

            HttpResponse<String> response = send(get("/v1/subjects").header("Origin", "https://ops.example.com")
                    .header("Authorization", "Bearer " + TOKEN));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://ops.example.com");
            assertThat(response.headers().firstValue("Vary")).hasValueSatisfying(
                    vary -> assertThat(vary).contains("Origin"));
            assertThat(send(preflight("https://evil.example")).statusCode()).isEqualTo(403);
        }

        private HttpRequest.Builder preflight(String origin) {
            return HttpRequest.newBuilder(uri("/v1/alerts/any/acknowledge"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization, content-type");
        }
    }

    private void start(Map<String, String> env) {
        api = new QueryApiFixture(stateDir, NOW, env);
        api.send(Feedback.stars("route-42", 5, NOW.minusSeconds(60)));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"actor\":\"Sam\"}"));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + api.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
