package org.instantfeedback.ingest.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.ingest.config.Secret;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.ingest.feedback.SubjectAllowlist;
import org.instantfeedback.ingest.privacy.ReplyAddresses;
import org.instantfeedback.ingest.privacy.SenderPseudonyms;
import org.junit.jupiter.api.Test;

class SmsInterpreterReplyAddressTest {
    private static final SenderPseudonyms PSEUDONYMS = new SenderPseudonyms(
            Secret.of("a-test-secret-of-at-least-32-characters"));

    @Test
    void seals_the_senders_number_for_their_pseudonym_and_the_operator_number_they_wrote_to() {
        List<String> asked = new ArrayList<>();
        ReplyAddresses sealing = (contactId, operatorNumber, number) -> {
            asked.add(contactId + "|" + operatorNumber + "|" + number);
            return Optional.of(ReplyAddress.newBuilder().setContactId(contactId).setOperatorNumber(operatorNumber)
                    .setKeyId("k-1").setCiphertext(ByteBuffer.wrap(new byte[] {7})).build());
        };
        SmsInterpreter interpreter = new SmsInterpreter(SmsRules.builtIn(), SubjectAllowlist.ANY, PSEUDONYMS, sealing);

        FeedbackSubmission submission = interpreter.submission(new InboundSms("twilio:SM1", "+447700900123",
                "+447700900100", "bus 42 late 2/5", null, List.of()));

        String pseudonym = PSEUDONYMS.pseudonymOf("+447700900123");
        assertThat(asked).containsExactly(pseudonym + "|+447700900100|+447700900123");
        assertThat(submission.replyTo().getContactId()).isEqualTo(pseudonym);
        assertThat(submission.replyTo().getOperatorNumber()).isEqualTo("+447700900100");
        assertThat(submission.senderPseudonym()).isEqualTo(pseudonym);
    }

    @Test
    void without_the_operators_key_an_sms_carries_no_reply_address() {
        SmsInterpreter interpreter = new SmsInterpreter(SmsRules.builtIn(), SubjectAllowlist.ANY, PSEUDONYMS);

        FeedbackSubmission submission = interpreter.submission(new InboundSms("twilio:SM1", "+447700900123",
                "+447700900100", "bus 42 late 2/5", null, List.of()));

        assertThat(submission.replyTo()).isNull();
    }
}
