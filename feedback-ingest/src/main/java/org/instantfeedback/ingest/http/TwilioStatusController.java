package org.instantfeedback.ingest.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.instantfeedback.delivery.TwilioMessageStatus;
import org.instantfeedback.events.ReplyStatus;
import org.instantfeedback.ingest.config.TwilioSettings;
import org.instantfeedback.ingest.kafka.ReplyStatusPublisher;
import org.instantfeedback.service.problem.FieldError;
import org.instantfeedback.service.problem.ProblemException;

/**
 * {@code POST /v1/sms/twilio/status?reply=<replyId>&conversation=<conversationId>&contact=<contactId>}:
 * Twilio's status callback of an answer the reply sender sent, form-encoded (MessageSid, MessageStatus,
 * ErrorCode, ...) and signed as the inbound SMS are, over the URL with its query. The query names the
 * reply, as the reply sender wrote it into the StatusCallback URL. Writes a {@code ReplyStatus} with the
 * status read by {@link TwilioMessageStatus} and answers 204 once Kafka has it (503 otherwise, and Twilio
 * calls again). The numbers Twilio sends along (From, To) are read by no one.
 */
public final class TwilioStatusController {
    public static final String PATH = "/v1/sms/twilio/status";
    static final String REPLY = "reply";
    static final String CONVERSATION = "conversation";
    static final String CONTACT = "contact";
    private static final int MOST_ID_CHARACTERS = 200;
    private static final Pattern MESSAGE_SID = Pattern.compile("[A-Za-z0-9]{2,64}");
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private final TwilioWebhook webhook;
    private final ReplyStatusPublisher statuses;
    private final Clock clock;

    public TwilioStatusController(TwilioSettings config, int maxBodyBytes, ReplyStatusPublisher statuses,
            Clock clock) {
        this.webhook = new TwilioWebhook(config.authToken(), new PublicUrls(config.publicBaseUrl()), maxBodyBytes);
        this.statuses = statuses;
        this.clock = clock;
    }

    public void receive(Context ctx) {
        FormParameters form = webhook.verified(ctx, "Twilio status callbacks");
        FormParameters query = FormParameters.parse(ctx.queryString() == null ? new byte[0]
                : ctx.queryString().getBytes(StandardCharsets.UTF_8));
        List<FieldError> errors = new ArrayList<>();
        String replyId = id(query, REPLY, errors);
        String conversationId = id(query, CONVERSATION, errors);
        String contactId = id(query, CONTACT, errors);
        String messageSid = matching(form.first("MessageSid"), "MessageSid", MESSAGE_SID, true, errors);
        String errorCode = matching(form.first("ErrorCode"), "ErrorCode", ERROR_CODE, false, errors);
        Optional<String> status = form.first("MessageStatus").map(String::strip).filter(word -> !word.isEmpty());
        if (status.isEmpty()) {
            errors.add(new FieldError("MessageStatus", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.withErrors(400, "invalid-status-callback", "Invalid status callback",
                    "the callback does not name its reply, or lacks what Twilio sends; the StatusCallback URL must"
                            + " carry reply, conversation and contact", errors);
        }
        statuses.publish(ReplyStatus.newBuilder().setReplyId(replyId).setConversationId(conversationId)
                .setContactId(contactId).setStatus(TwilioMessageStatus.toDeliveryStatus(status.get()))
                .setProviderMessageId(messageSid).setErrorCode(errorCode).setErrorMessage(null)
                .setAt(clock.instant()).build());
        ctx.status(204);
    }

    private static String id(FormParameters query, String name, List<FieldError> errors) {
        Optional<String> value = query.first(name).map(String::strip).filter(id -> !id.isEmpty());
        if (value.isEmpty()) {
            errors.add(new FieldError(name, "is required in the query"));
            return null;
        }
        if (value.get().length() > MOST_ID_CHARACTERS) {
            errors.add(new FieldError(name, "must be at most " + MOST_ID_CHARACTERS + " characters"));
            return null;
        }
        return value.get();
    }

    private static String matching(Optional<String> raw, String name, Pattern rule, boolean required,
            List<FieldError> errors) {
        Optional<String> value = raw.map(String::strip).filter(text -> !text.isEmpty());
        if (value.isEmpty()) {
            if (required) {
                errors.add(new FieldError(name, "is required"));
            }
            return null;
        }
        if (!rule.matcher(value.get()).matches()) {
            errors.add(new FieldError(name, "must match " + rule.pattern()));
            return null;
        }
        return value.get();
    }
}
