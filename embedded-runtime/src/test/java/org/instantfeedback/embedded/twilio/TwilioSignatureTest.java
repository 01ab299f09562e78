package org.instantfeedback.embedded.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {
    /** The example of Twilio's "Secure webhooks" page (also in its SDKs' tests): auth token 12345. */
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> PARAMETERS = Map.of(
            "CallSid", "CA1234567890ABCDE",
            "Caller", "+12349013030",
            "Digits", "1234",
            "From", "+12349013030",
            "To", "+18005551212");

    @Test
    void signs_twilios_documented_example_as_twilio_does() {
        assertThat(new TwilioSignature("12345").sign(URL, PARAMETERS)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    @Test
    void a_signature_with_another_token_or_another_url_does_not_verify() {
        String signature = new TwilioSignature("12345").sign(URL, PARAMETERS);

        assertThat(new TwilioSignature("12345").verifies(URL, PARAMETERS, signature)).isTrue();
        assertThat(new TwilioSignature("54321").verifies(URL, PARAMETERS, signature)).isFalse();
        assertThat(new TwilioSignature("12345").verifies(URL.replace("foo=1", "foo=2"), PARAMETERS, signature)).isFalse();
        assertThat(new TwilioSignature("12345").verifies(URL, PARAMETERS, null)).isFalse();
    }

    @Test
    void never_shows_its_key() {
        assertThat(new TwilioSignature("super-secret-token").toString()).doesNotContain("super-secret-token");
    }
}
