package org.instantfeedback.ingest.voice;

import static org.assertj.core.api.Assertions.assertThat;

import org.instantfeedback.events.Channel;
import org.instantfeedback.ingest.config.Secret;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.ingest.feedback.SubjectAllowlist;
import org.instantfeedback.ingest.privacy.SenderPseudonyms;
import org.instantfeedback.ingest.sms.SmsRules;
import org.instantfeedback.ingest.sms.SmsRulesFile;
import org.instantfeedback.service.problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A key pressed on a call, read as a 5-star rating of the subject the called number stands for. */
class CallInterpreterTest {
    private static final SmsRules RULES = SmsRulesFile.parse("test rules", """
            number +44 20 7946 0000 -> branch-london
            pattern route {n} -> route-{n}
            """);
    private static final SenderPseudonyms PSEUDONYMS = new SenderPseudonyms(
            Secret.of("call-interpreter-test-secret-0123456789abcdef"));
    private static final CallInterpreter CALLS = new CallInterpreter(RULES,
            SubjectAllowlist.ANY.plus(RULES.namedSubjects()), PSEUDONYMS);
    private static final String CALLER = "+447700900123";

    @Test
    void rates_the_subject_of_the_called_number_on_the_five_star_scale() {
        FeedbackSubmission submission = CALLS.submission(new PressedKey("CA0123abcd", CALLER, "+44 20 7946 0000",
                "4"));

        assertThat(submission.subject()).isEqualTo("branch-london");
        assertThat(submission.rating()).isEqualTo(4L);
        assertThat(submission.scale()).isEqualTo("stars-5");
        assertThat(submission.channel()).isEqualTo(Channel.VOICE);
        assertThat(submission.idempotencyKey()).isEqualTo("twilio-call:CA0123abcd");
        assertThat(submission.comment()).isNull();
        assertThat(submission.senderPseudonym()).isEqualTo(PSEUDONYMS.pseudonymOf(CALLER)).isNotEqualTo(CALLER)
                .doesNotContain("7700900123");
        assertThat(submission.readErrors()).isEmpty();
    }

    @Test
    void places_a_call_to_a_number_no_rule_names_under_unassigned_as_an_sms_would_be() {
        FeedbackSubmission submission = CALLS.submission(new PressedKey("CA1", CALLER, "+442079469999", "2"));

        assertThat(submission.subject()).isEqualTo(SmsRules.UNASSIGNED);
    }

    @Test
    void names_what_a_signed_request_lacks() {
        FeedbackSubmission submission = CALLS.submission(new PressedKey(null, "", "+442079460000", "5"));

        assertThat(submission.readErrors()).extracting(FieldError::field).containsExactly("CallSid", "from");
        assertThat(submission.idempotencyKey()).isNull();
        assertThat(submission.senderPseudonym()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "3", "4", "5"})
    void reads_keys_one_to_five_as_ratings(String key) {
        assertThat(new PressedKey("CA1", CALLER, null, key).stars()).hasValue(Integer.parseInt(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "6", "7", "8", "9", "*", "#", "12", "45", " 4", "\uFF14"})
    void reads_no_rating_from_any_other_key_or_none(String key) {
        assertThat(new PressedKey("CA1", CALLER, null, key).stars()).isEmpty();
        assertThat(CALLS.submission(new PressedKey("CA1", CALLER, null, key)).readErrors())
                .extracting(FieldError::field).containsExactly("Digits");
    }

    @Test
    void keeps_the_callers_number_out_of_its_text() {
        assertThat(new PressedKey("CA77", CALLER, "+442079460000", "3")).hasToString("PressedKey[CA77]");
        assertThat(new PressedKey("CA 7\n", CALLER, null, "3")).hasToString("PressedKey[no valid CallSid]");
    }
}
