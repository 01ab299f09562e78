package org.instantfeedback.ingest.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.instantfeedback.ingest.config.Secret;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {
    /** The example of Twilio's webhook security documentation (twilio.com/docs/usage/security). */
    private static final Secret PUBLISHED_TOKEN = Secret.of("12345");
    private static final String PUBLISHED_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final List<Map.Entry<String, String>> PUBLISHED_PARAMETERS = List.of(
            Map.entry("CallSid", "CA1234567890ABCDE"),
            Map.entry("Caller", "+14158675310"),
            Map.entry("Digits", "1234"),
            Map.entry("From", "+14158675310"),
            Map.entry("To", "+18005551212"));
    private static final String PUBLISHED_SIGNATURE = "GvWf1cFY/Q7PnoempGyD5oXAezc=";

    @Test
    void computes_the_signature_of_twilios_published_example() {
        assertThat(TwilioSignature.compute(PUBLISHED_TOKEN, PUBLISHED_URL, PUBLISHED_PARAMETERS))
                .isEqualTo(PUBLISHED_SIGNATURE);
        assertThat(TwilioSignature.valid(PUBLISHED_TOKEN, PUBLISHED_URL, PUBLISHED_PARAMETERS, PUBLISHED_SIGNATURE))
                .isTrue();
    }

    /** The same example with the caller of older versions of the page, as Twilio's SDK tests pin it. */
    @Test
    void computes_the_signature_of_the_older_published_example() {
        List<Map.Entry<String, String>> olderCaller = List.of(
                Map.entry("CallSid", "CA1234567890ABCDE"),
                Map.entry("Caller", "+12349013030"),
                Map.entry("Digits", "1234"),
                Map.entry("From", "+12349013030"),
                Map.entry("To", "+18005551212"));

        assertThat(TwilioSignature.compute(PUBLISHED_TOKEN, PUBLISHED_URL, olderCaller))
                .isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    @Test
    void sorts_the_parameters_by_name_whatever_order_they_came_in() {
        List<Map.Entry<String, String>> shuffled = List.of(PUBLISHED_PARAMETERS.get(3), PUBLISHED_PARAMETERS.get(0),
                PUBLISHED_PARAMETERS.get(4), PUBLISHED_PARAMETERS.get(2), PUBLISHED_PARAMETERS.get(1));

        assertThat(TwilioSignature.valid(PUBLISHED_TOKEN, PUBLISHED_URL, shuffled, PUBLISHED_SIGNATURE)).isTrue();
    }

    @Test
    void refuses_a_forged_signature_a_changed_parameter_another_url_and_another_token() {
        List<Map.Entry<String, String>> changed = List.of(PUBLISHED_PARAMETERS.get(0), PUBLISHED_PARAMETERS.get(1),
                Map.entry("Digits", "1235"), PUBLISHED_PARAMETERS.get(3), PUBLISHED_PARAMETERS.get(4));

        assertThat(TwilioSignature.valid(PUBLISHED_TOKEN, PUBLISHED_URL, PUBLISHED_PARAMETERS,
                "GvWf1cFY/Q7PnoempGyD5oXAezd=")).isFalse();
        assertThat(TwilioSignature.valid(PUBLISHED_TOKEN, PUBLISHED_URL, changed, PUBLISHED_SIGNATURE)).isFalse();
        assertThat(TwilioSignature.valid(PUBLISHED_TOKEN, "https://mycompany.com/myapp.php?foo=1&bar=3",
                PUBLISHED_PARAMETERS, PUBLISHED_SIGNATURE)).isFalse();
        assertThat(TwilioSignature.valid(Secret.of("54321"), PUBLISHED_URL, PUBLISHED_PARAMETERS,
                PUBLISHED_SIGNATURE)).isFalse();
    }

    @Test
    void refuses_a_missing_or_blank_signature() {
        assertThat(TwilioSignature.valid(PUBLISHED_TOKEN, PUBLISHED_URL, PUBLISHED_PARAMETERS, null)).isFalse();
        assertThat(TwilioSignature.valid(PUBLISHED_TOKEN, PUBLISHED_URL, PUBLISHED_PARAMETERS, " ")).isFalse();
    }

    @Test
    void accepts_a_signature_made_with_or_without_the_default_port() {
        String withPort = TwilioSignature.compute(PUBLISHED_TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2",
                PUBLISHED_PARAMETERS);

        assertThat(TwilioSignature.valid(PUBLISHED_TOKEN, PUBLISHED_URL, PUBLISHED_PARAMETERS, withPort)).isTrue();
        assertThat(TwilioSignature.valid(PUBLISHED_TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2",
                PUBLISHED_PARAMETERS, PUBLISHED_SIGNATURE)).isTrue();
        assertThat(TwilioSignature.urlVariants("http://localhost:8080/v1/sms/twilio"))
                .containsExactly("http://localhost:8080/v1/sms/twilio");
    }

    @Test
    void signs_repeated_parameters_in_the_order_of_their_values() {
        List<Map.Entry<String, String>> oneOrder = List.of(Map.entry("MediaUrl", "b"), Map.entry("MediaUrl", "a"));
        List<Map.Entry<String, String>> otherOrder = List.of(Map.entry("MediaUrl", "a"), Map.entry("MediaUrl", "b"));

        assertThat(TwilioSignature.compute(PUBLISHED_TOKEN, PUBLISHED_URL, oneOrder))
                .isEqualTo(TwilioSignature.compute(PUBLISHED_TOKEN, PUBLISHED_URL, otherOrder));
    }
}
