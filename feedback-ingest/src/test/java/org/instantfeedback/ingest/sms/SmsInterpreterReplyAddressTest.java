package org.instantfeedback.ingest.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.instantfeedback.events.Conversation;
import org.instantfeedback.events.ConversationMessage;
import org.instantfeedback.events.ConversationStatus;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.ingest.config.Secret;
import org.instantfeedback.ingest.contacts.PendingFollowUps;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.ingest.feedback.SubjectAllowlist;
import org.instantfeedback.ingest.privacy.ReplyAddresses;
import org.instantfeedback.ingest.privacy.SenderPseudonyms;
import org.junit.jupiter.api.Test;

class SmsInterpreterReplyAddressTest {
    private static final SenderPseudonyms PSEUDONYMS = new SenderPseudonyms(
            Secret.of("a-test-secret-of-at-least-32-characters"));
    private static final ReplyAddresses SEALING = (contactId, operatorNumber, number) -> Optional.of(
            ReplyAddress.newBuilder().setContactId(contactId).setOperatorNumber(operatorNumber).setKeyId("k-1")
                    .setCiphertext(ByteBuffer.wrap(new byte[] {7})).build());

    @Test
    void seals_the_senders_number_for_their_pseudonym_and_the_operator_number_they_wrote_to() {
        List<String> asked = new ArrayList<>();
        ReplyAddresses sealing = (contactId, operatorNumber, number) -> {
            asked.add(contactId + "|" + operatorNumber + "|" + number);
            return SEALING.seal(contactId, operatorNumber, number);
        };
        SmsInterpreter interpreter = new SmsInterpreter(SmsRules.builtIn(), SubjectAllowlist.ANY, PSEUDONYMS, sealing,
                PendingFollowUps.none());

        FeedbackSubmission submission = interpreter.submission(sms("+447700900123", "+447700900100",
                "bus 42 late 2/5"));

        String pseudonym = PSEUDONYMS.pseudonymOf("+447700900123");
        assertThat(asked).containsExactly(pseudonym + "|+447700900100|+447700900123");
        assertThat(submission.replyTo().getContactId()).isEqualTo(pseudonym);
        assertThat(submission.replyTo().getOperatorNumber()).isEqualTo("+447700900100");
        assertThat(submission.senderPseudonym()).isEqualTo(pseudonym);
        assertThat(submission.answersFollowUp()).isFalse();
    }

    @Test
    void a_bare_rating_from_a_passenger_asked_the_follow_up_question_answers_it_and_nothing_else_does() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        String pseudonym = PSEUDONYMS.pseudonymOf("+447700900123");
        PendingFollowUps followUps = PendingFollowUps.told(Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
        followUps.learn(pseudonym + ".1", closedAndAsked(pseudonym, now.minusSeconds(600)), 7);
        SmsInterpreter interpreter = new SmsInterpreter(SmsRules.builtIn(), SubjectAllowlist.ANY, PSEUDONYMS, SEALING,
                followUps);

        assertThat(interpreter.submission(sms("+447700900123", "+447700900100", " 4 ")).answersFollowUp()).isTrue();
        assertThat(interpreter.submission(sms("+447700900123", "+447700900100", "bus 42 late 2/5")).answersFollowUp())
                .as("not a bare rating").isFalse();
        assertThat(interpreter.submission(sms("+447700900123", "+447700900199", "4")).answersFollowUp())
                .as("asked from another number").isFalse();
        assertThat(interpreter.submission(sms("+447700900999", "+447700900100", "4")).answersFollowUp())
                .as("someone else").isFalse();
        followUps.learn(pseudonym + ".1", null, 8);
        assertThat(interpreter.submission(sms("+447700900123", "+447700900100", "4")).answersFollowUp())
                .as("erased").isFalse();
    }

    @Test
    void a_question_asked_longer_ago_than_the_answer_window_is_no_longer_answered() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        String pseudonym = PSEUDONYMS.pseudonymOf("+447700900123");
        PendingFollowUps followUps = PendingFollowUps.told(Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
        followUps.learn(pseudonym + ".1", closedAndAsked(pseudonym, now.minus(Duration.ofHours(25))), 7);

        assertThat(followUps.awaitAnswer(pseudonym, "+447700900100")).isFalse();
    }

    @Test
    void without_the_operators_key_an_sms_carries_no_reply_address() {
        SmsInterpreter interpreter = new SmsInterpreter(SmsRules.builtIn(), SubjectAllowlist.ANY, PSEUDONYMS);

        FeedbackSubmission submission = interpreter.submission(sms("+447700900123", "+447700900100",
                "bus 42 late 2/5"));

        assertThat(submission.replyTo()).isNull();
    }

    private static InboundSms sms(String from, String to, String text) {
        return new InboundSms("twilio:SM1", from, to, text, null, List.of());
    }

    private static Conversation closedAndAsked(String contactId, Instant askedAt) {
        ConversationMessage question = ConversationMessage.newBuilder().setMessageId(contactId + ".1:follow-up")
                .setInbound(false).setAt(askedAt).setText("How did we do? Reply 1-5").setFollowUp(true).build();
        return Conversation.newBuilder().setConversationId(contactId + ".1").setContactId(contactId)
                .setOperatorNumber("+447700900100").setSubject("route-42").setStatus(ConversationStatus.CLOSED)
                .setOpenedAt(askedAt.minusSeconds(600)).setClosedAt(askedAt).setMessages(List.of(question))
                .setUpdatedAt(askedAt).build();
    }
}
