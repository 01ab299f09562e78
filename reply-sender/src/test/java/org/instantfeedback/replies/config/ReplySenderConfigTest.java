package org.instantfeedback.replies.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplySenderConfigTest {
    private static final String ACCOUNT_SID = "AC" + "0123456789abcdef".repeat(2);

    @Test
    void reads_a_twilio_sender_with_its_defaults() {
        ReplySenderConfig config = ReplySenderConfig.from(twilio());

        assertThat(config.httpPort()).isEqualTo(8082);
        assertThat(config.groupId()).isEqualTo("reply-sender");
        assertThat(config.transactionalId()).startsWith("reply-sender-");
        assertThat(config.retryLimit()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.provider()).isInstanceOf(ProviderSettings.Twilio.class);
        assertThat(config.statusCallback()).isEmpty();
        assertThat(config.kafkaSettings()).containsEntry("isolation.level", "read_committed")
                .containsEntry("enable.auto.commit", "false");
    }

    @Test
    void takes_the_transactional_id_and_callback_url_the_operator_sets() {
        Map<String, String> env = twilio();
        env.put("REPLY_SENDER_TRANSACTIONAL_ID", "reply-sender-0");
        env.put("REPLY_STATUS_CALLBACK_URL", "https://feedback.example.com/v1/sms/twilio/status");

        ReplySenderConfig config = ReplySenderConfig.from(env);

        assertThat(config.transactionalId()).isEqualTo("reply-sender-0");
        assertThat(config.statusCallback()).hasValueSatisfying(url ->
                assertThat(url).hasToString("https://feedback.example.com/v1/sms/twilio/status"));
    }

    @Test
    void refuses_to_start_without_a_provider_named() {
        Map<String, String> env = twilio();
        env.remove("REPLY_PROVIDER");

        assertThatThrownBy(() -> ReplySenderConfig.from(env)).hasMessageContaining("REPLY_PROVIDER");
    }

    @Test
    void refuses_a_provider_it_does_not_know() {
        Map<String, String> env = twilio();
        env.put("REPLY_PROVIDER", "carrier-pigeon");

        assertThatThrownBy(() -> ReplySenderConfig.from(env)).hasMessageContaining("REPLY_PROVIDER");
    }

    @Test
    void names_the_missing_twilio_account_when_twilio_is_chosen() {
        Map<String, String> env = twilio();
        env.remove("REPLY_TWILIO_ACCOUNT_SID");

        assertThatThrownBy(() -> ReplySenderConfig.from(env))
                .hasMessageContaining("REPLY_PROVIDER=twilio")
                .hasMessageContaining("REPLY_TWILIO_ACCOUNT_SID");
    }

    @Test
    void names_the_missing_twilio_credentials_when_twilio_is_chosen() {
        Map<String, String> env = twilio();
        env.remove("REPLY_TWILIO_AUTH_TOKEN");

        assertThatThrownBy(() -> ReplySenderConfig.from(env)).hasMessageContaining("REPLY_TWILIO_AUTH_TOKEN");
    }

    @Test
    void names_the_missing_gateway_url_when_the_gateway_is_chosen() {
        Map<String, String> env = base();
        env.put("REPLY_PROVIDER", "gateway");

        assertThatThrownBy(() -> ReplySenderConfig.from(env))
                .hasMessageContaining("REPLY_PROVIDER=gateway")
                .hasMessageContaining("REPLY_GATEWAY_URL");
    }

    @Test
    void reads_a_gateway_sender_once_its_url_is_set() {
        Map<String, String> env = base();
        env.put("REPLY_PROVIDER", "gateway");
        env.put("REPLY_GATEWAY_URL", "https://sms.example.com/send");

        assertThat(ReplySenderConfig.from(env).provider()).isInstanceOf(ProviderSettings.Gateway.class);
    }

    @Test
    void refuses_to_start_without_the_contact_key() {
        Map<String, String> env = twilio();
        env.remove("CONTACT_KEK");

        assertThatThrownBy(() -> ReplySenderConfig.from(env)).hasMessageContaining("CONTACT_KEK must be set");
    }

    @Test
    void refuses_automatic_offset_commits() {
        Map<String, String> env = twilio();
        env.put("KAFKA_ENABLE_AUTO_COMMIT", "true");

        assertThatThrownBy(() -> ReplySenderConfig.from(env)).hasMessageContaining("KAFKA_ENABLE_AUTO_COMMIT");
    }

    @Test
    void refuses_a_callback_url_that_is_not_http() {
        Map<String, String> env = twilio();
        env.put("REPLY_STATUS_CALLBACK_URL", "ftp://feedback.example.com/status");

        assertThatThrownBy(() -> ReplySenderConfig.from(env)).hasMessageContaining("REPLY_STATUS_CALLBACK_URL");
    }

    @Test
    void never_shows_the_contact_key_in_its_description() {
        Map<String, String> env = twilio();

        assertThat(ReplySenderConfig.from(env).toString()).doesNotContain(env.get("CONTACT_KEK"))
                .doesNotContain(env.get("REPLY_TWILIO_AUTH_TOKEN"));
    }

    private static Map<String, String> twilio() {
        Map<String, String> env = base();
        env.put("REPLY_PROVIDER", "twilio");
        env.put("REPLY_TWILIO_ACCOUNT_SID", ACCOUNT_SID);
        env.put("REPLY_TWILIO_AUTH_TOKEN", "an-auth-token-of-the-account");
        return env;
    }

    private static Map<String, String> base() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = new HashMap<>();
        env.put("CONTACT_KEK", Base64.getEncoder().encodeToString(key));
        return env;
    }
}
