package org.instantfeedback.ingest.sms;

import java.util.List;
import org.instantfeedback.service.problem.FieldError;

/**
 * An SMS as a provider delivered it, before it is understood.
 *
 * @param eventId    the event id derived from the provider's message id ({@code twilio:SM...})
 * @param from       the sender's number, as sent; it goes no further than the pseudonym
 * @param to         the number the SMS was sent to, or null
 * @param text       the text, possibly empty
 * @param occurredAt ISO-8601 time the provider received it, or null for now
 * @param readErrors what could not be read from the provider's request
 */
public record InboundSms(String eventId, String from, String to, String text, String occurredAt,
        List<FieldError> readErrors) {

    public InboundSms {
        readErrors = List.copyOf(readErrors);
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    @Override
    public String toString() {
        // The sender's number and the text stay out of logs and exception messages.
        return "InboundSms[" + eventId + "]";
    }
}
