package org.instantfeedback.ingest.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.instantfeedback.events.Channel;
import org.instantfeedback.ingest.config.Secret;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.ingest.feedback.FeedbackValidator;
import org.instantfeedback.ingest.feedback.SubjectAllowlist;
import org.instantfeedback.ingest.feedback.SupportedScale;
import org.instantfeedback.ingest.privacy.SenderPseudonyms;

/**
 * Generated SMS through the interpreter and generated requests through Twilio's signature check:
 * the interpreter always answers with a subject and a rating within its scale, and a signature
 * verifies with the right token and never with another.
 */
class SmsParsingPropertiesTest {
    private static final Secret TOKEN = Secret.of("twilio-auth-token-0123456789abcdef");
    private final SmsInterpreter interpreter = new SmsInterpreter(SmsRules.builtIn(), SubjectAllowlist.ANY,
            new SenderPseudonyms(Secret.of("pseudonym-secret-for-properties-0123456789")));

    @Property(tries = 3000)
    void reads_any_sms_into_a_bounded_submission(@ForAll("smsTexts") String text, @ForAll("senders") String from,
            @ForAll("senders") String to) {
        FeedbackSubmission submission = interpreter.submission(new InboundSms("sms:1", from, to, text, null, List.of()));

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
    }

    @Property(tries = 3000)
    void finds_ratings_only_within_their_scale(@ForAll("smsTexts") String text) {
        RatingInText.find(text, SupportedScale.STARS_5).ifPresent(found ->
                assertThat(found.scale().allows(found.value())).isTrue());
    }

    @Property(tries = 1000)
    void a_signature_verifies_with_the_right_token_in_any_parameter_order(@ForAll("urls") String url,
            @ForAll("twilioParameters") List<Map.Entry<String, String>> parameters, @ForAll long shuffleSeed) {
        String signature = TwilioSignature.compute(TOKEN, url, parameters);
        List<Map.Entry<String, String>> shuffled = new ArrayList<>(parameters);
        Collections.shuffle(shuffled, new Random(shuffleSeed));

        assertThat(TwilioSignature.valid(TOKEN, url, shuffled, signature)).isTrue();
    }

    @Property(tries = 1000)
    void a_signature_never_verifies_with_another_token(@ForAll("urls") String url,
            @ForAll("twilioParameters") List<Map.Entry<String, String>> parameters,
            @ForAll @StringLength(min = 1, max = 40) String otherToken) {
        String forged = TwilioSignature.compute(Secret.of(otherToken), url, parameters);

        assertThat(TwilioSignature.valid(TOKEN, url, parameters, forged))
                .isEqualTo(otherToken.equals("twilio-auth-token-0123456789abcdef"));
    }

    @Property(tries = 1000)
    void a_random_signature_never_verifies(@ForAll("urls") String url,
            @ForAll("twilioParameters") List<Map.Entry<String, String>> parameters, @ForAll String signature) {
        assertThat(TwilioSignature.valid(TOKEN, url, parameters, signature)).isFalse();
    }

    @Property(tries = 1000)
    void a_signature_does_not_cover_a_changed_value(@ForAll("urls") String url,
            @ForAll("twilioParameters") List<Map.Entry<String, String>> parameters, @ForAll String extra) {
        String signature = TwilioSignature.compute(TOKEN, url, parameters);
        List<Map.Entry<String, String>> changed = new ArrayList<>(parameters);
        changed.add(Map.entry("Body", "tampered" + extra));

        assertThat(TwilioSignature.valid(TOKEN, url, changed, signature)).isFalse();
    }

    /** Found by the properties above: a URL without scheme or host failed with a NullPointerException. */
    @Example
    void a_url_without_scheme_or_host_is_checked_as_given() {
        List<Map.Entry<String, String>> parameters = List.of(Map.entry("Body", "route 42 5/5"));
        String signature = TwilioSignature.compute(TOKEN, "v1/sms/twilio", parameters);

        assertThat(TwilioSignature.valid(TOKEN, "v1/sms/twilio", parameters, signature)).isTrue();
        assertThat(TwilioSignature.valid(TOKEN, "", parameters, signature)).isFalse();
    }

    @Provide
    Arbitrary<String> smsTexts() {
        Arbitrary<String> pieces = Arbitraries.of("route 42", "bus 7", "#12", "x99", "line 5", "4/5", "8/10", "4 out of 5",
                "1/5/2024", "4.5/5", "★★★★☆", "⭐⭐", "****", "4 stars", "rate 2", "rating: 4", "gave us 2 hours",
                "9!", "😡", "🙂", "👍", "👎", "+44 7700 900123", "me@example.com", " ", "\u00A0", "\n", "99999999999",
                "route 123456", "route", "stars", "out of", "/", ":", "=", "0", "10", "11", "-1");
        Arbitrary<String> built = pieces.list().ofMaxSize(12).map(parts -> String.join(" ", parts));
        return Arbitraries.oneOf(built, Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withChars("0123456789/*★☆⭐ .,:route").ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> senders() {
        return Arbitraries.oneOf(Arbitraries.of("+447700900123", "0044 7700-900123", "", " ", "ACME", "12345"),
                Arbitraries.strings().all().ofMaxLength(100));
    }

    @Provide
    Arbitrary<String> urls() {
        return Arbitraries.oneOf(Arbitraries.of("https://ingest.example.org/v1/sms/twilio",
                        "https://ingest.example.org:443/v1/sms/twilio?x=1", "http://127.0.0.1:8080/v1/sms/twilio",
                        "http://host:80/p", "not a url", "https://[::1]/v1/sms/twilio", ""),
                Arbitraries.strings().all().ofMaxLength(60));
    }

    @Provide
    Arbitrary<List<Map.Entry<String, String>>> twilioParameters() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("MessageSid", "From", "To", "Body", "NumMedia", ""),
                Arbitraries.strings().all().ofMaxLength(10));
        Arbitrary<String> value = Arbitraries.strings().all().ofMaxLength(30);
        return Combinators.combine(name, value).as(Map::entry).list().ofMaxSize(8);
    }
}
