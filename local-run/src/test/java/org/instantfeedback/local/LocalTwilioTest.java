package org.instantfeedback.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.instantfeedback.replies.config.ProviderSettings;
import org.instantfeedback.replies.config.ReplySenderConfig;
import org.junit.jupiter.api.Test;

class LocalTwilioTest {
    private static final URI INGEST = URI.create("http://localhost:18080");
    private static final String KEK = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Test
    void sends_answers_to_the_stand_in_and_has_its_reports_come_back_to_the_local_ingest() {
        Map<String, String> services = new HashMap<>(Map.of("CONTACT_KEK", KEK));
        try (LocalTwilio twilio = LocalTwilio.start(services)) {
            twilio.configureIngest(services);
            ReplySenderConfig sender = ReplySenderConfig.from(twilio.senderEnvironment(services, INGEST, 0));

            String standIn = twilio.standIn().orElseThrow().baseUrl();
            ProviderSettings.Twilio provider = (ProviderSettings.Twilio) sender.provider();
            assertThat(provider.settings().apiBaseUrl()).hasToString(standIn);
            assertThat(provider.settings().accountSid()).isEqualTo(LocalTwilio.LOCAL_ACCOUNT_SID);
            assertThat(sender.statusCallback()).hasValue(URI.create("http://localhost:18080/v1/sms/twilio/status"));
            assertThat(services.get("INGEST_TWILIO_AUTH_TOKEN")).isEqualTo(twilio.authToken()).hasSize(32);
        }
    }

    @Test
    void makes_a_new_auth_token_for_every_run_unless_the_operator_set_one() {
        try (LocalTwilio one = LocalTwilio.start(Map.of()); LocalTwilio other = LocalTwilio.start(Map.of());
             LocalTwilio given = LocalTwilio.start(Map.of("INGEST_TWILIO_AUTH_TOKEN", "operators-token"))) {
            assertThat(one.authToken()).isNotEqualTo(other.authToken());
            assertThat(given.authToken()).isEqualTo("operators-token");
        }
    }

    @Test
    void an_operator_with_a_twilio_account_of_their_own_gets_it_and_no_stand_in() {
        String account = "AC" + "1234567890abcdef".repeat(2);
        Map<String, String> services = new HashMap<>(Map.of("CONTACT_KEK", KEK,
                "REPLY_TWILIO_ACCOUNT_SID", account, "REPLY_TWILIO_AUTH_TOKEN", "their-token"));
        try (LocalTwilio twilio = LocalTwilio.start(services)) {
            twilio.configureIngest(services);
            ReplySenderConfig sender = ReplySenderConfig.from(twilio.senderEnvironment(services, INGEST, 0));

            assertThat(twilio.standIn()).isEmpty();
            ProviderSettings.Twilio provider = (ProviderSettings.Twilio) sender.provider();
            assertThat(provider.settings().apiBaseUrl()).hasToString("https://api.twilio.com");
            assertThat(provider.settings().accountSid()).isEqualTo(account);
            // their account signs the reports of their answers; localhost is no address Twilio could call back
            assertThat(services.get("INGEST_TWILIO_AUTH_TOKEN")).isEqualTo("their-token");
            assertThat(sender.statusCallback()).isEmpty();
        }
    }
}
