package org.instantfeedback.ingest.sms;

import java.util.ArrayList;
import java.util.List;
import org.instantfeedback.events.Channel;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.ingest.feedback.SubjectAllowlist;
import org.instantfeedback.ingest.privacy.SenderPseudonyms;
import org.instantfeedback.service.problem.FieldError;

/**
 * Turns an inbound SMS into a submission: subject and rating read by the {@link SmsRules}, the
 * whole text kept as the comment (masked later, like every comment), and the sender replaced by
 * their pseudonym. Deterministic: the same SMS always gives the same subject, so a provider's
 * retry lands on the same Kafka partition.
 */
public final class SmsInterpreter {
    public static final String FROM = "from";

    private final SmsRules rules;
    private final SubjectAllowlist allowlist;
    private final SenderPseudonyms pseudonyms;

    public SmsInterpreter(SmsRules rules, SubjectAllowlist allowlist, SenderPseudonyms pseudonyms) {
        this.rules = rules;
        this.allowlist = allowlist;
        this.pseudonyms = pseudonyms;
    }

    public FeedbackSubmission submission(InboundSms sms) {
        List<FieldError> errors = new ArrayList<>(sms.readErrors());
        String pseudonym = null;
        if (sms.from() == null || sms.from().isBlank()) {
            errors.add(new FieldError(FROM, "is required"));
        } else {
            pseudonym = pseudonyms.pseudonymOf(sms.from());
        }
        String text = sms.text() == null ? "" : sms.text();
        SmsReading reading = rules.read(text, sms.to(), allowlist);
        Long rating = reading.rating().map(found -> (long) found.value()).orElse(null);
        String scale = reading.rating().map(found -> found.scale().wireName()).orElse(null);
        return new FeedbackSubmission(reading.subject(), rating, scale, text, sms.occurredAt(), sms.eventId(),
                Channel.SMS, pseudonym, errors);
    }
}
