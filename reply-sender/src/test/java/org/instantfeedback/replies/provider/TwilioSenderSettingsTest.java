package org.instantfeedback.replies.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSenderSettingsTest {
    private static final String ACCOUNT = "AC" + "0123456789abcdef".repeat(2);
    private static final String KEY = "SK" + "fedcba9876543210".repeat(2);
    private static final String SERVICE = "MG" + "00112233445566778899aabbccddeeff";

    @Test
    void defaults_to_twilios_api_host_and_a_ten_second_timeout() {
        TwilioSenderSettings settings = TwilioSenderSettings.from(Map.of("REPLY_TWILIO_ACCOUNT_SID", ACCOUNT,
                "REPLY_TWILIO_AUTH_TOKEN", "tok"));

        assertThat(settings.apiBaseUrl()).isEqualTo(URI.create("https://api.twilio.com"));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.messagesUri())
                .isEqualTo(URI.create("https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json"));
        assertThat(settings.credentials().username()).isEqualTo(ACCOUNT);
        assertThat(settings.from()).isEmpty();
    }

    @Test
    void takes_a_regional_edge_with_or_without_a_trailing_slash() {
        Map<String, String> env = base();
        env.put("REPLY_TWILIO_API_BASE_URL", "https://api.dublin.ie1.twilio.com/");

        assertThat(TwilioSenderSettings.from(env).messagesUri().toString())
                .startsWith("https://api.dublin.ie1.twilio.com/2010-04-01/Accounts/");
    }

    @Test
    void uses_the_api_key_as_the_user_when_one_is_given() {
        Map<String, String> env = new HashMap<>(Map.of("REPLY_TWILIO_ACCOUNT_SID", ACCOUNT,
                "REPLY_TWILIO_API_KEY_SID", KEY, "REPLY_TWILIO_API_KEY_SECRET", "key-secret"));

        assertThat(TwilioSenderSettings.from(env).credentials().username()).isEqualTo(KEY);
    }

    @Test
    void requires_the_account_sid() {
        assertThatThrownBy(() -> TwilioSenderSettings.from(Map.of("REPLY_TWILIO_AUTH_TOKEN", "tok")))
                .hasMessageContaining("REPLY_TWILIO_ACCOUNT_SID is required");
    }

    @Test
    void rejects_sids_of_the_wrong_kind_naming_the_variable() {
        assertThatThrownBy(() -> TwilioSenderSettings.from(Map.of("REPLY_TWILIO_ACCOUNT_SID", KEY,
                "REPLY_TWILIO_AUTH_TOKEN", "tok"))).hasMessageStartingWith("REPLY_TWILIO_ACCOUNT_SID must be");
        Map<String, String> env = base();
        env.put("REPLY_TWILIO_MESSAGING_SERVICE_SID", ACCOUNT);
        assertThatThrownBy(() -> TwilioSenderSettings.from(env))
                .hasMessageStartingWith("REPLY_TWILIO_MESSAGING_SERVICE_SID must be");
    }

    @Test
    void asks_for_credentials_when_none_are_given() {
        assertThatThrownBy(() -> TwilioSenderSettings.from(Map.of("REPLY_TWILIO_ACCOUNT_SID", ACCOUNT)))
                .hasMessageContaining("REPLY_TWILIO_AUTH_TOKEN").hasMessageContaining("REPLY_TWILIO_API_KEY_SID");
    }

    @Test
    void rejects_an_auth_token_together_with_an_api_key() {
        Map<String, String> env = base();
        env.put("REPLY_TWILIO_API_KEY_SID", KEY);
        env.put("REPLY_TWILIO_API_KEY_SECRET", "key-secret");

        assertThatThrownBy(() -> TwilioSenderSettings.from(env)).hasMessageContaining("not both")
                .hasMessageNotContaining("key-secret").hasMessageNotContaining("tok-secret");
    }

    @Test
    void rejects_half_an_api_key() {
        assertThatThrownBy(() -> TwilioSenderSettings.from(Map.of("REPLY_TWILIO_ACCOUNT_SID", ACCOUNT,
                "REPLY_TWILIO_API_KEY_SID", KEY))).hasMessage("REPLY_TWILIO_API_KEY_SID is set without REPLY_TWILIO_API_KEY_SECRET");
        assertThatThrownBy(() -> TwilioSenderSettings.from(Map.of("REPLY_TWILIO_ACCOUNT_SID", ACCOUNT,
                "REPLY_TWILIO_API_KEY_SECRET", "key-secret")))
                .hasMessage("REPLY_TWILIO_API_KEY_SECRET is set without REPLY_TWILIO_API_KEY_SID");
    }

    @Test
    void rejects_a_from_number_together_with_a_messaging_service() {
        Map<String, String> env = base();
        env.put("REPLY_TWILIO_FROM", "+447700900999");
        env.put("REPLY_TWILIO_MESSAGING_SERVICE_SID", SERVICE);

        assertThatThrownBy(() -> TwilioSenderSettings.from(env))
                .hasMessageContaining("REPLY_TWILIO_FROM or REPLY_TWILIO_MESSAGING_SERVICE_SID, not both");
    }

    @Test
    void rejects_a_from_that_is_not_an_e164_number_and_a_base_url_that_is_not_http() {
        Map<String, String> env = base();
        env.put("REPLY_TWILIO_FROM", "07700 900999");
        assertThatThrownBy(() -> TwilioSenderSettings.from(env)).hasMessageStartingWith("REPLY_TWILIO_FROM must be");

        Map<String, String> other = base();
        other.put("REPLY_TWILIO_API_BASE_URL", "api.twilio.com");
        assertThatThrownBy(() -> TwilioSenderSettings.from(other))
                .hasMessageStartingWith("REPLY_TWILIO_API_BASE_URL must be");
    }

    @Test
    void never_prints_the_token_or_the_key_secret() {
        Map<String, String> keyEnv = Map.of("REPLY_TWILIO_ACCOUNT_SID", ACCOUNT, "REPLY_TWILIO_API_KEY_SID", KEY,
                "REPLY_TWILIO_API_KEY_SECRET", "key-secret");

        assertThat(TwilioSenderSettings.from(base()).toString()).doesNotContain("tok-secret").contains(ACCOUNT);
        assertThat(TwilioSenderSettings.from(keyEnv).toString()).doesNotContain("key-secret").contains(KEY);
    }

    private static Map<String, String> base() {
        return new HashMap<>(Map.of("REPLY_TWILIO_ACCOUNT_SID", ACCOUNT, "REPLY_TWILIO_AUTH_TOKEN", "tok-secret"));
    }
}
