package org.instantfeedback.replies.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.instantfeedback.events.DeliveryStatus;

/**
 * Sends an SMS through a generic gateway's outbound webhook: one {@code POST} of the number, the
 * sender, the text and the reply id (for the gateway to drop duplicates) under the gateway's field
 * names, as JSON or a form.
 *
 * <p>Answers: a 2xx is {@link SendResult.Accepted} (QUEUED, with the gateway's id when its JSON has
 * one); 429 is {@link SendResult.NotSent} (rate limited, to retry later); any other 4xx is
 * {@link SendResult.Refused}; a 5xx or anything else is {@link SendResult.Unknown}, since the gateway
 * may have queued the message before failing.
 */
public final class GatewayProvider implements SmsProvider {
    private static final String NAME = "gateway";
    /** Enough of a refusal's body to say why, little enough for a log line and a status record. */
    private static final int MOST_DETAIL_CHARACTERS = 200;

    private final GatewaySenderSettings settings;
    private final ProviderExchange exchange;
    private final ObjectMapper json = new ObjectMapper();

    private GatewayProvider(GatewaySenderSettings settings, ProviderExchange exchange) {
        this.settings = settings;
        this.exchange = exchange;
    }

    /** A provider with its own HTTP client, whose connect timeout is the settings' timeout. */
    public static GatewayProvider create(GatewaySenderSettings settings) {
        return new GatewayProvider(Objects.requireNonNull(settings, "settings"),
                ProviderExchange.with(NAME, settings.timeout()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SendResult send(OutgoingSms sms) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("Content-Type", settings.format() == GatewayFormat.JSON
                        ? "application/json" : "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body(sms)));
        settings.authorization().ifPresent(value -> request.header("Authorization", value.reveal()));
        return exchange.make(sms, request.build(), this::resultOf);
    }

    private String body(OutgoingSms sms) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(settings.toField(), sms.to());
        fields.put(settings.fromField(), sms.from());
        fields.put(settings.textField(), sms.text());
        fields.put(settings.referenceField(), sms.replyId());
        if (settings.format() == GatewayFormat.FORM) {
            return ProviderExchange.form(fields);
        }
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    private SendResult resultOf(int status, String body) {
        if (status / 100 == 2) {
            return new SendResult.Accepted(messageId(body), DeliveryStatus.QUEUED);
        }
        if (status == ProviderExchange.TOO_MANY_REQUESTS) {
            return new SendResult.NotSent("the gateway answered 429: rate limited");
        }
        if (status / 100 == 4) {
            return new SendResult.Refused(Integer.toString(status), detail(status, body), false);
        }
        return new SendResult.Unknown("the gateway answered " + status);
    }

    /** The gateway's id of the message; null when its answer is not JSON or has no such field. */
    private String messageId(String body) {
        try {
            JsonNode answer = json.readTree(body);
            JsonNode id = answer == null ? null : answer.get(settings.idField());
            return id == null || id.isNull() || id.isContainerNode() ? null : id.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static String detail(int status, String body) {
        String text = body == null || body.isBlank() ? "the gateway answered " + status : body.strip();
        String shortened = text.length() > MOST_DETAIL_CHARACTERS ? text.substring(0, MOST_DETAIL_CHARACTERS) + "..." : text;
        return PhoneNumberMask.hide(shortened);
    }

    @Override
    public String toString() {
        return "GatewayProvider[" + settings.url() + ", " + settings.format() + "]";
    }
}
