package org.instantfeedback.ingest.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.instantfeedback.events.Channel;
import org.instantfeedback.ingest.RandomInputs;
import org.instantfeedback.ingest.config.Secret;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.ingest.feedback.FeedbackValidator;
import org.instantfeedback.ingest.feedback.SubjectAllowlist;
import org.instantfeedback.ingest.feedback.SupportedScale;
import org.instantfeedback.ingest.privacy.SenderPseudonyms;
import org.junit.jupiter.api.Test;

/**
 * Generated SMS through the interpreter and generated requests through Twilio's signature check:
 * the interpreter always answers with a subject and a rating within its scale, and a signature
 * verifies with the right token and never with another.
 */
class SmsParsingPropertiesTest {
    private static final long SEED = 0x5EED_0003L;
    private static final Secret TOKEN = Secret.of("twilio-auth-token-0123456789abcdef");
    private final SmsInterpreter interpreter = new SmsInterpreter(SmsRules.builtIn(), SubjectAllowlist.ANY,
            new SenderPseudonyms(Secret.of("pseudonym-secret-for-properties-0123456789")));

    record Sms(String text, String from, String to) {
    }

    @Test
    void reads_any_sms_into_a_bounded_submission() {
        RandomInputs random = inputs("reads_any_sms_into_a_bounded_submission");
        random.forAll(3000, () -> new Sms(smsText(random), sender(random), sender(random)), sms -> {
            String text = sms.text();
            String from = sms.from();
            FeedbackSubmission submission = interpreter.submission(
                    new InboundSms("sms:1", from, sms.to(), text, null, List.of()));

            assertThat(submission.channel()).isEqualTo(Channel.SMS);
            assertThat(submission.subject()).isNotBlank();
            assertThat(submission.subject().length()).isLessThanOrEqualTo(FeedbackValidator.SUBJECT_MAX_LENGTH);
            assertThat(submission.comment()).isEqualTo(text);
            if (submission.rating() != null) {
                SupportedScale scale = SupportedScale.byWireName(submission.scale()).orElseThrow();
                assertThat(scale.allows(submission.rating())).isTrue();
            }
            if (from.isBlank()) {
                assertThat(submission.readErrors()).extracting(e -> e.field()).contains(SmsInterpreter.FROM);
            } else {
                assertThat(submission.senderPseudonym()).isNotBlank().doesNotContain(from.strip());
            }
        });
    }

    @Test
    void finds_ratings_only_within_their_scale() {
        RandomInputs random = inputs("finds_ratings_only_within_their_scale");
        random.forAll(3000, () -> smsText(random), text ->
                RatingInText.find(text, SupportedScale.STARS_5).ifPresent(found ->
                        assertThat(found.scale().allows(found.value())).isTrue()));
    }

    record Signed(String url, List<Map.Entry<String, String>> parameters, long shuffleSeed) {
    }

    @Test
    void a_signature_verifies_with_the_right_token_in_any_parameter_order() {
        RandomInputs random = inputs("a_signature_verifies_with_the_right_token_in_any_parameter_order");
        random.forAll(1000, () -> new Signed(url(random), twilioParameters(random), random.anyLong()), input -> {
            String signature = TwilioSignature.compute(TOKEN, input.url(), input.parameters());
            List<Map.Entry<String, String>> shuffled = new ArrayList<>(input.parameters());
            Collections.shuffle(shuffled, new Random(input.shuffleSeed()));

            assertThat(TwilioSignature.valid(TOKEN, input.url(), shuffled, signature)).isTrue();
        });
    }

    /** A request with one more string: another token, a random signature or an extra value. */
    record WithString(String url, List<Map.Entry<String, String>> parameters, String string) {
    }

    @Test
    void a_signature_never_verifies_with_another_token() {
        RandomInputs random = inputs("a_signature_never_verifies_with_another_token");
        random.forAll(1000, () -> new WithString(url(random), twilioParameters(random), random.anyString(1, 40)),
                input -> {
                    String otherToken = input.string();
                    String forged = TwilioSignature.compute(Secret.of(otherToken), input.url(), input.parameters());

                    assertThat(TwilioSignature.valid(TOKEN, input.url(), input.parameters(), forged))
                            .isEqualTo(otherToken.equals("twilio-auth-token-0123456789abcdef"));
                });
    }

    @Test
    void a_random_signature_never_verifies() {
        RandomInputs random = inputs("a_random_signature_never_verifies");
        random.forAll(1000, () -> new WithString(url(random), twilioParameters(random), random.anyString(255)),
                input -> assertThat(TwilioSignature.valid(TOKEN, input.url(), input.parameters(), input.string()))
                        .isFalse());
    }

    @Test
    void a_signature_does_not_cover_a_changed_value() {
        RandomInputs random = inputs("a_signature_does_not_cover_a_changed_value");
        random.forAll(1000, () -> new WithString(url(random), twilioParameters(random), random.anyString(255)),
                input -> {
                    String signature = TwilioSignature.compute(TOKEN, input.url(), input.parameters());
                    List<Map.Entry<String, String>> changed = new ArrayList<>(input.parameters());
                    changed.add(Map.entry("Body", "tampered" + input.string()));

                    assertThat(TwilioSignature.valid(TOKEN, input.url(), changed, signature)).isFalse();
                });
    }

    /** Found by the properties above: a URL without scheme or host failed with a NullPointerException. */
    @Test
    void a_url_without_scheme_or_host_is_checked_as_given() {
        List<Map.Entry<String, String>> parameters = List.of(Map.entry("Body", "route 42 5/5"));
        String signature = TwilioSignature.compute(TOKEN, "v1/sms/twilio", parameters);

        assertThat(TwilioSignature.valid(TOKEN, "v1/sms/twilio", parameters, signature)).isTrue();
        assertThat(TwilioSignature.valid(TOKEN, "", parameters, signature)).isFalse();
    }

    private static RandomInputs inputs(String property) {
        return RandomInputs.seeded(SmsParsingPropertiesTest.class, property, SEED);
    }

    private static final List<String> SMS_PIECES = List.of("route 42", "bus 7", "#12", "x99", "line 5", "4/5", "8/10",
            "4 out of 5", "1/5/2024", "4.5/5", "★★★★☆", "⭐⭐", "****", "4 stars", "rate 2", "rating: 4",
            "gave us 2 hours", "9!", "😡", "🙂", "👍", "👎", "+44 7700 900123", "me@example.com", " ", "\u00A0", "\n",
            "99999999999", "route 123456", "route", "stars", "out of", "/", ":", "=", "0", "10", "11", "-1");

    private static String smsText(RandomInputs random) {
        return random.oneOf(
                () -> String.join(" ", random.list(12, () -> random.pick(SMS_PIECES))),
                () -> random.anyString(80),
                () -> random.string("0123456789/*★☆⭐ .,:route", 60));
    }

    private static String sender(RandomInputs random) {
        return random.oneOf(
                () -> random.pick("+447700900123", "0044 7700-900123", "", " ", "ACME", "12345"),
                () -> random.anyString(100));
    }

    private static String url(RandomInputs random) {
        return random.oneOf(
                () -> random.pick("https://ingest.example.org/v1/sms/twilio",
                        "https://ingest.example.org:443/v1/sms/twilio?x=1", "http://127.0.0.1:8080/v1/sms/twilio",
                        "http://host:80/p", "not a url", "https://[::1]/v1/sms/twilio", ""),
                () -> random.anyString(60));
    }

    private static List<Map.Entry<String, String>> twilioParameters(RandomInputs random) {
        return random.list(8, () -> Map.entry(
                random.oneOf(() -> random.pick("MessageSid", "From", "To", "Body", "NumMedia", ""),
                        () -> random.anyString(10)),
                random.anyString(30)));
    }
}
