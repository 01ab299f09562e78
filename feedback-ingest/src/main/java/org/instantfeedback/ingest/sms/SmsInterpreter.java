package org.instantfeedback.ingest.sms;

import java.util.ArrayList;
import java.util.List;
import org.instantfeedback.actions.FollowUpAnswer;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.ingest.contacts.PendingFollowUps;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.ingest.feedback.SubjectAllowlist;
import org.instantfeedback.ingest.privacy.ReplyAddresses;
import org.instantfeedback.ingest.privacy.SenderPseudonyms;
import org.instantfeedback.service.problem.FieldError;

/**
 * Turns an inbound SMS into a submission: subject and rating read by the {@link SmsRules}, the
 * whole text kept as the comment (masked later, like every comment), and the sender replaced by
 * their pseudonym (and, when answers are on, their number sealed as the address an answer goes to).
 * Deterministic: the same SMS always gives the same subject, so a provider's
 * retry lands on the same Kafka partition.
 */
public final class SmsInterpreter {
    public static final String FROM = "from";

    private final SmsRules rules;
    private final SubjectAllowlist allowlist;
    private final SenderPseudonyms pseudonyms;
    private final ReplyAddresses replyAddresses;
    private final PendingFollowUps followUps;

    public SmsInterpreter(SmsRules rules, SubjectAllowlist allowlist, SenderPseudonyms pseudonyms) {
        this(rules, allowlist, pseudonyms, ReplyAddresses.none(), PendingFollowUps.none());
    }

    /**
     * As above, with the sender's number sealed as the address answers go to (the conversation's),
     * and a bare 1-5 from a sender who was asked the follow-up question marked as its answer.
     */
    public SmsInterpreter(SmsRules rules, SubjectAllowlist allowlist, SenderPseudonyms pseudonyms,
            ReplyAddresses replyAddresses, PendingFollowUps followUps) {
        this.rules = rules;
        this.allowlist = allowlist;
        this.pseudonyms = pseudonyms;
        this.replyAddresses = replyAddresses;
        this.followUps = followUps;
    }

    public FeedbackSubmission submission(InboundSms sms) {
        List<FieldError> errors = new ArrayList<>(sms.readErrors());
        String pseudonym = null;
        ReplyAddress replyTo = null;
        boolean answersFollowUp = false;
        if (sms.from() == null || sms.from().isBlank()) {
            errors.add(new FieldError(FROM, "is required"));
        } else {
            pseudonym = pseudonyms.pseudonymOf(sms.from());
            replyTo = replyAddresses.seal(pseudonym, sms.to(), sms.from()).orElse(null);
            answersFollowUp = replyTo != null && FollowUpAnswer.read(sms.text()).isPresent()
                    && followUps.awaitAnswer(pseudonym, replyTo.getOperatorNumber());
        }
        String text = sms.text() == null ? "" : sms.text();
        SmsReading reading = rules.read(text, sms.to(), allowlist);
        Long rating = reading.rating().map(found -> (long) found.value()).orElse(null);
        String scale = reading.rating().map(found -> found.scale().wireName()).orElse(null);
        return new FeedbackSubmission(reading.subject(), rating, scale, text, sms.occurredAt(), sms.eventId(),
                Channel.SMS, pseudonym, errors, replyTo, answersFollowUp);
    }
}
