package org.instantfeedback.ingest.sms;

import java.util.Optional;

/**
 * What an SMS is about and the rating in it, as the rules read it.
 *
 * @param subject the subject, {@link SmsRules#UNASSIGNED} when no rule recognised one
 * @param rating  the rating in the text, if any
 */
public record SmsReading(String subject, Optional<FoundRating> rating) {
}
