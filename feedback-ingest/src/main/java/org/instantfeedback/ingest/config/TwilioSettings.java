package org.instantfeedback.ingest.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParser;

/**
 * The Twilio channels: SMS, and touch-tone ratings over voice calls ({@link VoiceSettings}).
 *
 * @param authToken     Twilio auth token; without it the Twilio endpoints are disabled
 * @param publicBaseUrl the service's URL as the outside world calls it, for Twilio signatures
 * @param reply         the SMS reply to passengers; empty for none
 */
public record TwilioSettings(Optional<Secret> authToken, Optional<URI> publicBaseUrl, String reply) {
    /** Says "no reply" in the reply setting, since blank values count as unset. */
    private static final String NO_REPLY = "none";
    private static final int MOST_REPLY_CHARACTERS = 1_600;

    public static final Setting<Optional<Secret>> TWILIO_AUTH_TOKEN = Setting.optional("INGEST_TWILIO_AUTH_TOKEN",
            Secret::of, "Auth token of the Twilio account; enables POST /v1/sms/twilio (and its /status callbacks)"
                    + " and POST /v1/voice/twilio"
                    + " (unset: 404 channel-not-configured).");
    public static final Setting<String> TWILIO_REPLY = Setting.of("INGEST_TWILIO_REPLY",
            "Thank you for your feedback!", replyText(),
            "SMS reply sent to passengers through TwiML; '" + NO_REPLY + "' sends no reply.");
    public static final Setting<Optional<URI>> PUBLIC_BASE_URL = Setting.optional("INGEST_PUBLIC_BASE_URL",
            publicUrl(), "The service's public base URL (https://feedback.example.com, with a path prefix if any),"
                    + " used to check Twilio signatures behind a proxy or load balancer. Unset: the URL"
                    + " of the request as received.");

    static final List<Setting<?>> SETTINGS = List.of(PUBLIC_BASE_URL, TWILIO_AUTH_TOKEN, TWILIO_REPLY);

    static TwilioSettings from(Map<String, String> env) {
        return new TwilioSettings(TWILIO_AUTH_TOKEN.from(env), PUBLIC_BASE_URL.from(env), TWILIO_REPLY.from(env));
    }

    /** A reply text of at most one (long) SMS; {@value #NO_REPLY} for none, read as empty. */
    static ValueParser<String> replyText() {
        return text -> {
            if (text.equalsIgnoreCase(NO_REPLY)) {
                return "";
            }
            if (text.length() > MOST_REPLY_CHARACTERS) {
                throw new IllegalArgumentException("must be at most " + MOST_REPLY_CHARACTERS
                        + " characters (one SMS reply)");
            }
            return text;
        };
    }

    private static ValueParser<URI> publicUrl() {
        return text -> {
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                        && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below, with the rule
            }
            throw new IllegalArgumentException("must be an http(s) URL without query, like"
                    + " https://feedback.example.com");
        };
    }
}
