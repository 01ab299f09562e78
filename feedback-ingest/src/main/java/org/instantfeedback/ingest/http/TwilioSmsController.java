package org.instantfeedback.ingest.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.instantfeedback.ingest.config.TwilioSettings;
import org.instantfeedback.ingest.intake.FeedbackIntake;
import org.instantfeedback.actions.ConversationAction.Kind;
import org.instantfeedback.ingest.sms.ContactRequests;
import org.instantfeedback.ingest.sms.InboundSms;
import org.instantfeedback.ingest.sms.SmsInterpreter;
import org.instantfeedback.service.problem.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/sms/twilio}: Twilio's inbound-SMS webhook, form-encoded as Twilio sends it
 * (MessageSid, From, To, Body, NumMedia, ...; parameters this version does not know are accepted
 * and covered by the signature). The request must carry a valid {@code X-Twilio-Signature} (else
 * 403), computed over the public URL ({@code INGEST_PUBLIC_BASE_URL} behind a proxy). Answers
 * TwiML thanking the passenger once Kafka has the event; the event id is
 * {@code twilio:<MessageSid>}, so Twilio's retries are stored once. An SMS without text (a
 * picture alone) stores nothing and gets no reply. An SMS that is only an opt-out word, an opt-in word
 * or a forget phrase is a request, not feedback ({@link ContactRequests}): it is answered once Kafka has
 * the request, with the confirmation the request has.
 */
public final class TwilioSmsController {
    public static final String PATH = "/v1/sms/twilio";
    private static final String EVENT_ID_PREFIX = "twilio:";
    private static final Pattern MESSAGE_SID = Pattern.compile("[A-Za-z0-9]{2,64}");
    private static final Logger LOG = LoggerFactory.getLogger(TwilioSmsController.class);

    private final TwilioWebhook webhook;
    private final String reply;
    private final SmsInterpreter interpreter;
    private final FeedbackIntake intake;
    private final ContactRequests requests;

    public TwilioSmsController(TwilioSettings config, int maxBodyBytes, SmsInterpreter interpreter,
            FeedbackIntake intake, ContactRequests requests) {
        this.webhook = new TwilioWebhook(config.authToken(), new PublicUrls(config.publicBaseUrl()), maxBodyBytes);
        this.reply = config.reply();
        this.interpreter = interpreter;
        this.intake = intake;
        this.requests = requests;
    }

    public void receive(Context ctx) {
        FormParameters form = webhook.verified(ctx, "Twilio SMS");
        InboundSms sms = inboundSms(form);
        Optional<Kind> request = requests.carryOut(sms);
        if (request.isPresent()) {
            twiml(ctx, requests.confirmation(request.get()));
            return;
        }
        if (!sms.hasText() && sms.readErrors().isEmpty()) {
            LOG.info("SMS {} has no text; nothing stored", sms.eventId());
            twiml(ctx, "");
            return;
        }
        intake.accept(interpreter.submission(sms));
        twiml(ctx, reply);
    }

    private static InboundSms inboundSms(FormParameters form) {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> sid = form.firstOf("MessageSid", "SmsSid");
        String eventId = null;
        if (sid.isEmpty()) {
            errors.add(new FieldError("MessageSid", "is required"));
        } else if (!MESSAGE_SID.matcher(sid.get()).matches()) {
            errors.add(new FieldError("MessageSid", "must be 2 to 64 letters and digits"));
        } else {
            eventId = EVENT_ID_PREFIX + sid.get();
        }
        return new InboundSms(eventId, form.first("From").orElse(null), form.first("To").orElse(null),
                form.first("Body").orElse(""), null, errors);
    }

    private static void twiml(Context ctx, String message) {
        Twiml.answer(ctx, Twiml.document(message.isEmpty() ? ""
                : "<Message>" + MarkupEscaping.escaped(message) + "</Message>"));
    }
}
