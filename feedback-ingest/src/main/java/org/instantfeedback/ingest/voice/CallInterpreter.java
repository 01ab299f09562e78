package org.instantfeedback.ingest.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.instantfeedback.events.Channel;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.ingest.feedback.SubjectAllowlist;
import org.instantfeedback.ingest.feedback.SupportedScale;
import org.instantfeedback.ingest.privacy.SenderPseudonyms;
import org.instantfeedback.ingest.sms.SmsRules;
import org.instantfeedback.service.problem.FieldError;

/**
 * Turns a rating keyed in on a call into a submission, placing it as an SMS to the same number
 * would be placed: the subject of the called number when a {@code number} rule of the
 * {@link SmsRules} names it, else {@value SmsRules#UNASSIGNED} (a call has no text for the other
 * rules to read). The rating is on the 5-star scale, the caller is replaced by their pseudonym, and
 * the event id is {@code twilio-call:<CallSid>}: one rating per call, however often Twilio retries.
 */
public final class CallInterpreter {
    public static final String EVENT_ID_PREFIX = "twilio-call:";
    public static final String CALL_SID = "CallSid";
    public static final String FROM = "from";
    public static final String DIGITS = "Digits";

    private final SmsRules rules;
    private final SubjectAllowlist allowlist;
    private final SenderPseudonyms pseudonyms;

    public CallInterpreter(SmsRules rules, SubjectAllowlist allowlist, SenderPseudonyms pseudonyms) {
        this.rules = rules;
        this.allowlist = allowlist;
        this.pseudonyms = pseudonyms;
    }

    public FeedbackSubmission submission(PressedKey key) {
        List<FieldError> errors = new ArrayList<>();
        String eventId = null;
        if (key.callSid() == null) {
            errors.add(new FieldError(CALL_SID, "is required"));
        } else if (!key.hasValidCallSid()) {
            errors.add(new FieldError(CALL_SID, "must be 2 to 64 letters and digits"));
        } else {
            eventId = EVENT_ID_PREFIX + key.callSid();
        }
        String pseudonym = null;
        if (key.from() == null || key.from().isBlank()) {
            errors.add(new FieldError(FROM, "is required"));
        } else {
            pseudonym = pseudonyms.pseudonymOf(key.from());
        }
        OptionalInt stars = key.stars();
        if (stars.isEmpty()) {
            errors.add(new FieldError(DIGITS, "must be one key from 1 to 5"));
        }
        String subject = rules.read("", key.to(), allowlist).subject();
        Long rating = stars.isPresent() ? (long) stars.getAsInt() : null;
        return new FeedbackSubmission(subject, rating, SupportedScale.STARS_5.wireName(), null, null, eventId,
                Channel.VOICE, pseudonym, errors);
    }
}
