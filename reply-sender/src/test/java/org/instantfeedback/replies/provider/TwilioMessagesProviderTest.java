package org.instantfeedback.replies.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.instantfeedback.embedded.twilio.StandInAccount;
import org.instantfeedback.embedded.twilio.TwilioApiStandIn;
import org.instantfeedback.embedded.twilio.TwilioSid;
import org.instantfeedback.events.DeliveryStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwilioMessagesProviderTest {
    private static final String PASSENGER = "+447700900123";
    private static final String OPERATOR = "+447700900999";

    private final StandInAccount account = StandInAccount.random();
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
    void sends_with_the_auth_token_and_reports_twilios_sid_as_queued() {
        SendResult result = provider(env()).send(reply());

        String sid = twilio.messages().get(0).sid();
        assertThat(result).isEqualTo(new SendResult.Accepted(sid, DeliveryStatus.QUEUED));
        assertThat(twilio.messages()).singleElement().satisfies(message -> {
            assertThat(message.to()).isEqualTo(PASSENGER);
            assertThat(message.from()).contains(OPERATOR);
            assertThat(message.messagingServiceSid()).isEmpty();
            assertThat(message.body()).isEqualTo("Sorry for the delay, a new bus leaves at 8:10");
        });
    }

    @Test
    void sends_with_an_api_key_while_the_path_keeps_the_account() {
        Map<String, String> env = env();
        env.remove("REPLY_TWILIO_AUTH_TOKEN");
        env.put("REPLY_TWILIO_API_KEY_SID", account.apiKeySid());
        env.put("REPLY_TWILIO_API_KEY_SECRET", account.apiKeySecret());

        assertThat(provider(env).send(reply())).isInstanceOf(SendResult.Accepted.class);
        assertThat(twilio.messages()).hasSize(1);
    }

    @Test
    void sends_the_messaging_service_and_no_from_when_one_is_configured() {
        String service = TwilioSid.random("MG");
        Map<String, String> env = env();
        env.put("REPLY_TWILIO_MESSAGING_SERVICE_SID", service);

        assertThat(provider(env).send(reply())).isInstanceOf(SendResult.Accepted.class);
        assertThat(twilio.messages()).singleElement().satisfies(message -> {
            assertThat(message.messagingServiceSid()).contains(service);
            assertThat(message.from()).isEmpty();
        });
    }

    @Test
    void sends_from_the_configured_number_rather_than_the_replys_own() {
        Map<String, String> env = env();
        env.put("REPLY_TWILIO_FROM", "+15005550006");

        provider(env).send(reply());

        assertThat(twilio.messages().get(0).from()).contains("+15005550006");
    }

    @Test
    void passes_the_status_callback_only_when_the_reply_has_one() {
        URI callback = URI.create("https://feedback.example.com/v1/sms/twilio/status");
        provider(env()).send(new OutgoingSms("r-1", PASSENGER, OPERATOR, "hello", Optional.of(callback)));
        provider(env()).send(reply());

        assertThat(twilio.messages()).extracting(message -> message.statusCallback())
                .containsExactly(Optional.of(callback), Optional.empty());
    }

    @Test
    void an_opted_out_passenger_is_refused_and_marked_opted_out() {
        twilio.optOut(PASSENGER);

        SendResult result = provider(env()).send(reply());

        assertThat(result).isEqualTo(new SendResult.Refused("21610", "Attempt to send to unsubscribed recipient", true));
        assertThat(result.retryable()).isFalse();
    }

    @Test
    void a_malformed_number_is_refused_without_the_number_in_the_message() {
        SendResult result = provider(env()).send(new OutgoingSms("r-1", "+4412345678901234567", OPERATOR, "hi",
                Optional.empty()));

        assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
            assertThat(refused.errorCode()).isEqualTo("21211");
            assertThat(refused.optedOut()).isFalse();
            assertThat(refused.message()).contains("<number>").doesNotContain("4412345678901234567");
        });
    }

    @Test
    void wrong_credentials_are_refused_and_nothing_is_created() {
        Map<String, String> env = env();
        env.put("REPLY_TWILIO_AUTH_TOKEN", "not-the-token");

        assertThat(provider(env).send(reply())).isInstanceOfSatisfying(SendResult.Refused.class,
                refused -> assertThat(refused.errorCode()).isEqualTo("20003"));
        assertThat(twilio.messages()).isEmpty();
    }

    @Test
    void a_server_error_is_an_unknown_outcome_never_retried() {
        twilio.failNext(1, 500);
        SendResult internalError = provider(env()).send(reply());
        twilio.failNext(1, 503);
        SendResult unavailable = provider(env()).send(reply());

        assertThat(internalError).isInstanceOf(SendResult.Unknown.class);
        assertThat(unavailable).isInstanceOf(SendResult.Unknown.class);
        assertThat(internalError.retryable()).isFalse();
    }

    @Test
    void rate_limiting_is_not_sent_and_may_be_retried() {
        twilio.failNext(1, 429);

        SendResult result = provider(env()).send(reply());

        assertThat(result).isInstanceOf(SendResult.NotSent.class);
        assertThat(result.retryable()).isTrue();
        assertThat(twilio.messages()).isEmpty();
    }

    @Test
    void an_answer_later_than_the_timeout_is_unknown_although_twilio_created_the_message() {
        twilio.stallNext(1, Duration.ofSeconds(2));
        Map<String, String> env = env();
        env.put("REPLY_TWILIO_TIMEOUT", "PT0.3S");

        SendResult result = provider(env).send(reply());

        assertThat(result).isInstanceOf(SendResult.Unknown.class);
        assertThat(twilio.messages()).hasSize(1);
    }

    @Test
    void twilio_down_is_not_sent_and_a_retry_after_it_is_back_is_accepted_once() {
        TwilioMessagesProvider provider = provider(env());
        twilio.stop();

        assertThat(provider.send(reply())).isInstanceOf(SendResult.NotSent.class);

        twilio.restart();
        assertThat(provider.send(reply())).isInstanceOf(SendResult.Accepted.class);
        assertThat(twilio.messages()).hasSize(1);
    }

    @Test
    void a_closed_port_is_not_sent() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Map<String, String> env = env();
        env.put("REPLY_TWILIO_API_BASE_URL", "http://127.0.0.1:" + closedPort);

        assertThat(provider(env).send(reply())).isInstanceOf(SendResult.NotSent.class);
    }

    @Test
    void an_unresolvable_host_is_not_sent() {
        Map<String, String> env = env();
        env.put("REPLY_TWILIO_API_BASE_URL", "http://api.twilio.invalid");

        assertThat(provider(env).send(reply())).isInstanceOf(SendResult.NotSent.class);
    }

    @Test
    void its_settings_and_the_reply_never_show_secrets_or_the_passengers_number() {
        TwilioSenderSettings settings = TwilioSenderSettings.from(env());
        OutgoingSms sms = reply();

        assertThat(settings.toString()).doesNotContain(account.authToken());
        assertThat(TwilioMessagesProvider.create(settings).toString()).doesNotContain(account.authToken());
        assertThat(sms.toString()).doesNotContain(PASSENGER).doesNotContain("new bus").contains("r-1");
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("REPLY_TWILIO_ACCOUNT_SID", account.accountSid());
        env.put("REPLY_TWILIO_AUTH_TOKEN", account.authToken());
        env.put("REPLY_TWILIO_API_BASE_URL", twilio.baseUrl());
        env.put("REPLY_TWILIO_TIMEOUT", "PT5S");
        return env;
    }

    private static TwilioMessagesProvider provider(Map<String, String> env) {
        return TwilioMessagesProvider.create(TwilioSenderSettings.from(env));
    }

    private static OutgoingSms reply() {
        return new OutgoingSms("r-1", PASSENGER, OPERATOR, "Sorry for the delay, a new bus leaves at 8:10", Optional.empty());
    }
}
