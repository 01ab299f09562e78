package org.instantfeedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.embedded.privacy.PersonalData;
import org.instantfeedback.ingest.config.HttpSettings;
import org.instantfeedback.ingest.config.RateLimitSettings;
import org.instantfeedback.ingest.config.SmsGatewaySettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-client and per-sender limits: 429 with Retry-After, and retries of stored feedback never limited. */
@WithKafkaAndRegistry
class RateLimitIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GATEWAY_KEY = "gateway-key-rate-limits";

    @RegisterExtension
    static final IngestOnBroker INGEST = new IngestOnBroker();

    private static IngestHttpClient client;
    private static IngestHttpClient proxyClient;

    @BeforeAll
    static void startIngest(KafkaAndRegistry runtime) {
        client = INGEST.start(runtime,
                RateLimitSettings.RATE_LIMIT_ENABLED.name(), "true",
                RateLimitSettings.RATE_LIMIT_CLIENT_BURST.name(), "3",
                RateLimitSettings.RATE_LIMIT_CLIENT_PER_MINUTE.name(), "1",
                RateLimitSettings.RATE_LIMIT_SENDER_BURST.name(), "2",
                RateLimitSettings.RATE_LIMIT_SENDER_PER_MINUTE.name(), "1",
                SmsGatewaySettings.SMS_API_KEYS.name(), GATEWAY_KEY);
        proxyClient = INGEST.start(runtime,
                RateLimitSettings.RATE_LIMIT_ENABLED.name(), "true",
                RateLimitSettings.RATE_LIMIT_CLIENT_BURST.name(), "1",
                RateLimitSettings.RATE_LIMIT_CLIENT_PER_MINUTE.name(), "1",
                HttpSettings.TRUSTED_PROXIES.name(), "127.0.0.1, ::1");
    }

    @Test
    void answers_429_with_retry_after_once_a_client_has_used_its_burst() throws Exception {
        assertThat(proxyClient.postJson(feedback(), "X-Forwarded-For", "198.51.100.50").statusCode()).isEqualTo(202);

        HttpResponse<String> refused = proxyClient.postJson(feedback(), "X-Forwarded-For", "198.51.100.50");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:instantfeedback:problem:too-many-requests");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
    }

    @Test
    void limits_each_sender_but_never_a_retry_of_what_was_stored() throws Exception {
        String first = UUID.randomUUID().toString();

        HttpResponse<String> one = sms(PersonalData.PASSENGER, first);
        HttpResponse<String> two = sms(PersonalData.PASSENGER_FORMATTED, UUID.randomUUID().toString());
        HttpResponse<String> three = sms(PersonalData.PASSENGER, UUID.randomUUID().toString());
        HttpResponse<String> retryOfOne = sms(PersonalData.PASSENGER, first);
        HttpResponse<String> someoneElse = sms(PersonalData.SWEDISH_PASSENGER, UUID.randomUUID().toString());

        assertThat(one.statusCode()).isEqualTo(202);
        assertThat(two.statusCode()).isEqualTo(202);
        assertThat(three.statusCode()).as("the same sender, however the number is written").isEqualTo(429);
        assertThat(three.headers().firstValue("Retry-After")).isPresent();
        assertThat(retryOfOne.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(retryOfOne.body()).path("duplicate").asBoolean()).isTrue();
        assertThat(someoneElse.statusCode()).isEqualTo(202);
    }

    @Test
    void believes_forwarded_for_only_from_trusted_proxies() throws Exception {
        assertThat(proxyClient.postJson(feedback(), "X-Forwarded-For", "198.51.100.1").statusCode()).isEqualTo(202);
        assertThat(proxyClient.postJson(feedback(), "X-Forwarded-For", "198.51.100.1").statusCode()).isEqualTo(429);
        assertThat(proxyClient.postJson(feedback(), "X-Forwarded-For", "198.51.100.2").statusCode())
                .as("another client behind the same proxy").isEqualTo(202);
    }

    /** The only test that spends the burst of the peer address 127.0.0.1 on the app that trusts no proxy. */
    @Test
    void does_not_let_a_client_choose_its_address_when_no_proxy_is_trusted() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(client.postJson(feedback(), "X-Forwarded-For", "203.0.113." + i).statusCode()).isEqualTo(202);
        }

        assertThat(client.postJson(feedback(), "X-Forwarded-For", "203.0.113.99").statusCode()).isEqualTo(429);
    }

    private static HttpResponse<String> sms(String from, String messageId) {
        return client.postTo("/v1/sms", "application/json", "{\"from\":\"" + from + "\",\"text\":\"route 8 4/5\","
                + "\"messageId\":\"" + messageId + "\"}", "X-Api-Key", GATEWAY_KEY);
    }

    private static String feedback() {
        return "{\"subject\":\"route-" + UUID.randomUUID().toString().substring(0, 6) + "\",\"rating\":4}";
    }
}
