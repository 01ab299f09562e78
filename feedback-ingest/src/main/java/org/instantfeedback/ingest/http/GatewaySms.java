package org.instantfeedback.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.instantfeedback.ingest.sms.InboundSms;
import org.instantfeedback.service.problem.FieldError;

/**
 * The fields of an SMS from a generic gateway, as JSON or form parameters. The canonical names are
 * {@code from, to, text, messageId, receivedAt}; the names Vonage, Infobip and 46elks use are
 * read too, so their webhooks can point here directly:
 *
 * <table>
 *   <caption>Field names</caption>
 *   <tr><th>field</th><th>also read from</th></tr>
 *   <tr><td>from</td><td>msisdn (Vonage), sender</td></tr>
 *   <tr><td>to</td><td>-</td></tr>
 *   <tr><td>text</td><td>message (46elks)</td></tr>
 *   <tr><td>messageId</td><td>message_id, id (46elks)</td></tr>
 *   <tr><td>receivedAt</td><td>message-timestamp (Vonage), created (46elks)</td></tr>
 * </table>
 *
 * {@code receivedAt} may be ISO-8601 with an offset ({@code 2024-05-01T08:30:00Z},
 * {@code 2024-05-01T08:30:00.000+0000}) or without one ({@code 2024-05-01 08:30:00},
 * {@code 2024-05-01T08:30:00.123456}), then read as UTC. The event id is
 * {@code sms:<gateway>:<messageId>}, or {@code sms:<messageId>} without a gateway name.
 *
 * <p>Send {@code from} in E.164 ({@code +447700900123}). Vonage's {@code msisdn} and the numbers in
 * Infobip's {@code results} are international numbers written without the {@code +}; it is added,
 * so a passenger has the same pseudonym whichever gateway their SMS came through.
 */
final class GatewaySms {
    private static final String EVENT_ID_PREFIX = "sms:";
    static final String GATEWAY = "gateway";
    private static final String MESSAGE_ID = "messageId";
    private static final String RECEIVED_AT = "receivedAt";
    private static final int MESSAGE_ID_MAX_LENGTH = 64;
    private static final Pattern GATEWAY_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,15}");
    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{6,14}");
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");
    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendPattern("xx").toFormatter();
    private static final DateTimeFormatter LOCAL_WITH_SPACE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
            .appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter();

    private GatewaySms() {
    }

    static InboundSms fromJson(ObjectNode message, String gatewayFromQuery) {
        return read(json(message), gatewayFromQuery, false);
    }

    /** One of Infobip's {@code results}, whose numbers are international without the +. */
    static InboundSms fromInfobipResult(ObjectNode message, String gatewayFromQuery) {
        return read(json(message), gatewayFromQuery, true);
    }

    static InboundSms fromForm(FormParameters form, String gatewayFromQuery) {
        return read(form::first, gatewayFromQuery, false);
    }

    private static Function<String, Optional<String>> json(ObjectNode message) {
        return name -> {
            JsonNode node = message.get(name);
            return node == null || node.isNull() || node.isContainerNode() ? Optional.empty()
                    : Optional.of(node.asText());
        };
    }

    private static InboundSms read(Function<String, Optional<String>> field, String gatewayFromQuery,
            boolean internationalWithoutPlus) {
        List<FieldError> errors = new ArrayList<>();
        String gateway = first(field, GATEWAY).orElse(gatewayFromQuery);
        if (gateway != null && !GATEWAY_NAME.matcher(gateway).matches()) {
            errors.add(new FieldError(GATEWAY, "must be 1 to 16 lower-case letters, digits and hyphens"));
            gateway = null;
        }
        String eventId = eventId(first(field, MESSAGE_ID, "message_id", "id"), gateway, errors);
        String occurredAt = first(field, RECEIVED_AT, "message-timestamp", "created")
                .flatMap(raw -> isoInstant(raw, errors)).orElse(null);
        Optional<String> msisdn = field.apply("msisdn").map(GatewaySms::international);
        Optional<String> from = first(field, "from", "sender")
                .map(number -> internationalWithoutPlus ? international(number) : number);
        return new InboundSms(eventId, from.or(() -> msisdn).orElse(null), first(field, "to").orElse(null),
                first(field, "text", "message").orElse(""), occurredAt, errors);
    }

    /** An international number written as digits alone gets its +; anything else stays as it is. */
    private static String international(String number) {
        String stripped = number.strip();
        return DIGITS.matcher(stripped).matches() ? "+" + stripped : stripped;
    }

    private static String eventId(Optional<String> messageId, String gateway, List<FieldError> errors) {
        if (messageId.isEmpty()) {
            errors.add(new FieldError(MESSAGE_ID, "is required: it is how a retried SMS is recognised"));
            return null;
        }
        String id = messageId.get().strip();
        if (id.length() > MESSAGE_ID_MAX_LENGTH || !VISIBLE_ASCII.matcher(id).matches()) {
            errors.add(new FieldError(MESSAGE_ID, "must be 1 to " + MESSAGE_ID_MAX_LENGTH
                    + " visible ASCII characters"));
            return null;
        }
        return EVENT_ID_PREFIX + (gateway == null ? "" : gateway + ":") + id;
    }

    private static Optional<String> isoInstant(String raw, List<FieldError> errors) {
        String text = raw.strip();
        for (DateTimeFormatter offsetFormat : List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME, OFFSET_WITHOUT_COLON)) {
            try {
                return Optional.of(OffsetDateTime.parse(text, offsetFormat).toInstant().toString());
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        for (DateTimeFormatter localFormat : List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME, LOCAL_WITH_SPACE)) {
            try {
                return Optional.of(LocalDateTime.parse(text, localFormat).toInstant(ZoneOffset.UTC).toString());
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        errors.add(new FieldError(RECEIVED_AT, "must be a date-time like 2024-05-01T08:30:00Z"));
        return Optional.empty();
    }

    private static Optional<String> first(Function<String, Optional<String>> field, String... names) {
        for (String name : names) {
            Optional<String> value = field.apply(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
