package org.instantfeedback.replies.provider;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParsers;

/**
 * How the reply sender reaches a generic SMS gateway's outbound webhook, with the gateway's own field
 * names, since every gateway names them differently.
 *
 * @param url            the webhook's URL
 * @param authorization  the whole {@code Authorization} header value, when the gateway wants one
 * @param format         JSON or form body
 * @param toField        the body field of the passenger's number
 * @param fromField      the body field of the operator's number
 * @param textField      the body field of the text
 * @param referenceField the body field of the reply id, so the gateway can drop a duplicate
 * @param idField        the field of the gateway's answer that holds its message id
 * @param timeout        how long to wait to connect, and then for the answer
 */
public record GatewaySenderSettings(URI url, Optional<Secret> authorization, GatewayFormat format, String toField,
                                    String fromField, String textField, String referenceField, String idField,
                                    Duration timeout) {

    public static final Setting<URI> GATEWAY_URL = Setting.required("REPLY_GATEWAY_URL", HttpUrl.endpoint(),
            "URL of the SMS gateway's outbound webhook; replies are POSTed to it.");
    public static final Setting<Optional<Secret>> GATEWAY_AUTH = Setting.optional("REPLY_GATEWAY_AUTH", Secret::of,
            "The whole Authorization header value the gateway wants ('Bearer xyz', 'Basic ...'); unset: none.");
    public static final Setting<GatewayFormat> GATEWAY_FORMAT = Setting.of("REPLY_GATEWAY_FORMAT", "json",
            text -> GatewayFormat.valueOf(ValueParsers.oneOf("json", "form").parse(text).toUpperCase(Locale.ROOT)),
            "Body of the webhook request: json (application/json) or form (application/x-www-form-urlencoded).");
    public static final Setting<String> GATEWAY_TO_FIELD = Setting.text("REPLY_GATEWAY_TO_FIELD", "to",
            "Field of the request that carries the passenger's number (E.164).");
    public static final Setting<String> GATEWAY_FROM_FIELD = Setting.text("REPLY_GATEWAY_FROM_FIELD", "from",
            "Field of the request that carries the operator's number.");
    public static final Setting<String> GATEWAY_TEXT_FIELD = Setting.text("REPLY_GATEWAY_TEXT_FIELD", "text",
            "Field of the request that carries the reply's text.");
    public static final Setting<String> GATEWAY_REFERENCE_FIELD = Setting.text("REPLY_GATEWAY_REFERENCE_FIELD",
            "reference", "Field of the request that carries the reply id, so the gateway can drop a duplicate.");
    public static final Setting<String> GATEWAY_ID_FIELD = Setting.text("REPLY_GATEWAY_ID_FIELD", "id",
            "Field of the gateway's JSON answer that holds its message id.");
    public static final Setting<Duration> GATEWAY_TIMEOUT = Setting.duration("REPLY_GATEWAY_TIMEOUT", "PT10S",
            "How long to wait for a connection to the gateway, and then for its answer; an answer later than"
                    + " this leaves the reply's outcome unknown, and it is not resent.");

    public static final List<Setting<?>> SETTINGS = List.of(GATEWAY_URL, GATEWAY_AUTH, GATEWAY_FORMAT,
            GATEWAY_TO_FIELD, GATEWAY_FROM_FIELD, GATEWAY_TEXT_FIELD, GATEWAY_REFERENCE_FIELD, GATEWAY_ID_FIELD,
            GATEWAY_TIMEOUT);

    public GatewaySenderSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(idField, "idField");
        Objects.requireNonNull(timeout, "timeout");
        List<String> fields = List.of(toField, fromField, textField, referenceField);
        if (fields.stream().distinct().count() < fields.size()) {
            throw new IllegalArgumentException(GATEWAY_TO_FIELD + ", " + GATEWAY_FROM_FIELD + ", "
                    + GATEWAY_TEXT_FIELD + " and " + GATEWAY_REFERENCE_FIELD + " must name four different fields,"
                    + " were " + fields);
        }
    }

    public static GatewaySenderSettings from(Map<String, String> env) {
        return new GatewaySenderSettings(GATEWAY_URL.from(env), GATEWAY_AUTH.from(env), GATEWAY_FORMAT.from(env),
                GATEWAY_TO_FIELD.from(env), GATEWAY_FROM_FIELD.from(env), GATEWAY_TEXT_FIELD.from(env),
                GATEWAY_REFERENCE_FIELD.from(env), GATEWAY_ID_FIELD.from(env), GATEWAY_TIMEOUT.from(env));
    }

    /** Without the URL's query, where some gateways take their key, and without the Authorization value. */
    @Override
    public String toString() {
        String shownUrl = url.getRawQuery() == null ? url.toString() : url.toString().replace(url.getRawQuery(), "<hidden>");
        return "GatewaySenderSettings[url=" + shownUrl + ", authorization=" + authorization.map(any -> "<hidden>").orElse("none")
                + ", format=" + format + ", toField=" + toField + ", fromField=" + fromField + ", textField=" + textField
                + ", referenceField=" + referenceField + ", idField=" + idField + ", timeout=" + timeout + "]";
    }
}
