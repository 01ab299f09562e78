package org.instantfeedback.replies.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.instantfeedback.delivery.TwilioMessageStatus;
import org.instantfeedback.events.DeliveryStatus;

/**
 * Sends an SMS through Twilio's Messages API: one form-encoded {@code POST} to
 * {@code /2010-04-01/Accounts/{AccountSid}/Messages.json} with {@code To}, {@code From} or
 * {@code MessagingServiceSid}, {@code Body} and, when given, {@code StatusCallback}.
 *
 * <p>Twilio's answers: 201 is {@link SendResult.Accepted} with the Message SID and status; a 4xx is
 * {@link SendResult.Refused} (21610 marks an opted-out passenger), except 429, which rate limiting
 * answers before the message is created ({@link SendResult.NotSent}); a 5xx is
 * {@link SendResult.Unknown}, since Twilio may have created the message before failing.
 */
public final class TwilioMessagesProvider implements SmsProvider {
    private static final String NAME = "twilio";
    private static final String OPTED_OUT = "21610";

    private final TwilioSenderSettings settings;
    private final ProviderExchange exchange;
    private final ObjectMapper json = new ObjectMapper();

    private TwilioMessagesProvider(TwilioSenderSettings settings, ProviderExchange exchange) {
        this.settings = settings;
        this.exchange = exchange;
    }

    /** A provider with its own HTTP client, whose connect timeout is the settings' timeout. */
    public static TwilioMessagesProvider create(TwilioSenderSettings settings) {
        return new TwilioMessagesProvider(Objects.requireNonNull(settings, "settings"),
                ProviderExchange.with(NAME, settings.timeout()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SendResult send(OutgoingSms sms) {
        HttpRequest request = HttpRequest.newBuilder(settings.messagesUri())
                .timeout(settings.timeout())
                .header("Authorization", settings.credentials().authorizationHeader())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderExchange.form(parameters(sms))))
                .build();
        return exchange.make(sms, request, this::resultOf);
    }

    private Map<String, String> parameters(OutgoingSms sms) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("To", sms.to());
        // Exactly one sender: Twilio would take both, but then which one texts the passenger is its choice.
        settings.messagingServiceSid().ifPresentOrElse(
                service -> parameters.put("MessagingServiceSid", service),
                () -> parameters.put("From", settings.from().orElse(sms.from())));
        parameters.put("Body", sms.text());
        sms.statusCallback().ifPresent(callback -> parameters.put("StatusCallback", callback.toString()));
        return parameters;
    }

    private SendResult resultOf(int status, String body) {
        if (status / 100 == 2) {
            JsonNode message = parse(body);
            return new SendResult.Accepted(text(message, "sid"), acceptedStatus(message));
        }
        JsonNode error = parse(body);
        String code = text(error, "code");
        String detail = "Twilio answered " + status + (code == null ? "" : " (code " + code + ")");
        if (status == ProviderExchange.TOO_MANY_REQUESTS) {
            return new SendResult.NotSent(detail + ": rate limited, the message was not created");
        }
        if (status / 100 == 4) {
            return new SendResult.Refused(code == null ? "http-" + status : code,
                    PhoneNumberMask.hide(Objects.requireNonNullElse(text(error, "message"), detail)),
                    OPTED_OUT.equals(code));
        }
        // A 5xx, or an answer Twilio does not document for this call: it may have created the message.
        return new SendResult.Unknown(detail);
    }

    private static DeliveryStatus acceptedStatus(JsonNode message) {
        return TwilioMessageStatus.toDeliveryStatus(text(message, "status"));
    }

    /** The JSON of an answer; an empty object when the body is none (a proxy's error page, say). */
    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public String toString() {
        return "TwilioMessagesProvider[" + settings.messagesUri() + "]";
    }
}
