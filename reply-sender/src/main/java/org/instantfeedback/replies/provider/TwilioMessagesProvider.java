package org.instantfeedback.replies.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.instantfeedback.delivery.TwilioMessageStatus;
import org.instantfeedback.events.DeliveryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger log = LoggerFactory.getLogger(TwilioMessagesProvider.class);
    private static final String NAME = "twilio";
    private static final int TOO_MANY_REQUESTS = 429;
    private static final String OPTED_OUT = "21610";

    private final TwilioSenderSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public TwilioMessagesProvider(TwilioSenderSettings settings, HttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
    }

    /** A provider with its own HTTP client, whose connect timeout is the settings' timeout. */
    public static TwilioMessagesProvider create(TwilioSenderSettings settings) {
        // The connect timeout is what lets a connection never made count as "not sent" (see UnansweredRequest).
        return new TwilioMessagesProvider(settings, HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
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
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters(sms))))
                .build();
        SendResult result = exchange(request);
        log.info("Reply {} through Twilio: {}", sms.replyId(), result);
        return result;
    }

    private SendResult exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return resultOf(response.statusCode(), response.body());
        } catch (IOException e) {
            return UnansweredRequest.outcomeOf(e, NAME);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The request may already be out: only "unknown" is safe.
            return new SendResult.Unknown("interrupted while waiting for Twilio's answer");
        }
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
        if (status == TOO_MANY_REQUESTS) {
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

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public String toString() {
        return "TwilioMessagesProvider[" + settings.messagesUri() + "]";
    }
}
