package org.instantfeedback.replies.provider;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParser;

/**
 * How the reply sender reaches Twilio's Messages API.
 *
 * @param accountSid          the account whose Messages resource is called (the request path names it)
 * @param credentials         HTTP Basic credentials: the auth token or an API key
 * @param from                the sender number for every reply; empty to send from the reply's own operator number
 * @param messagingServiceSid a Messaging Service that picks the sender instead; excludes {@code from}
 * @param apiBaseUrl          Twilio's API host, or a regional edge or proxy
 * @param timeout             how long to wait to connect, and then for the answer
 */
public record TwilioSenderSettings(String accountSid, TwilioCredentials credentials, Optional<String> from,
                                   Optional<String> messagingServiceSid, URI apiBaseUrl, Duration timeout) {

    public static final Setting<String> TWILIO_ACCOUNT_SID = Setting.required("REPLY_TWILIO_ACCOUNT_SID",
            sid("AC", "an account"), "SID of the Twilio account that sends replies (AC...); the API path names it"
                    + " whichever credentials are used.");
    public static final Setting<Optional<Secret>> TWILIO_AUTH_TOKEN = Setting.optional("REPLY_TWILIO_AUTH_TOKEN",
            Secret::of, "Auth token of the account, as the Basic auth password. Set it, or an API key with"
                    + " REPLY_TWILIO_API_KEY_SID and REPLY_TWILIO_API_KEY_SECRET (preferred in production).");
    public static final Setting<Optional<String>> TWILIO_API_KEY_SID = Setting.optional("REPLY_TWILIO_API_KEY_SID",
            sid("SK", "an API key"), "SID of a Twilio API key (SK...), as the Basic auth user instead of the"
                    + " account SID; needs REPLY_TWILIO_API_KEY_SECRET.");
    public static final Setting<Optional<Secret>> TWILIO_API_KEY_SECRET = Setting.optional(
            "REPLY_TWILIO_API_KEY_SECRET", Secret::of, "Secret of the API key in REPLY_TWILIO_API_KEY_SID.");
    public static final Setting<Optional<String>> TWILIO_FROM = Setting.optional("REPLY_TWILIO_FROM",
            e164(), "Twilio number every reply is sent from, E.164. Unset: each reply goes from the operator"
                    + " number the passenger wrote to.");
    public static final Setting<Optional<String>> TWILIO_MESSAGING_SERVICE_SID = Setting.optional(
            "REPLY_TWILIO_MESSAGING_SERVICE_SID", sid("MG", "a Messaging Service"),
            "Messaging Service (MG...) that picks the sender, instead of REPLY_TWILIO_FROM.");
    public static final Setting<URI> TWILIO_API_BASE_URL = Setting.of("REPLY_TWILIO_API_BASE_URL",
            "https://api.twilio.com", HttpUrl.base(), "Base URL of Twilio's REST API: a regional edge such as"
                    + " https://api.dublin.ie1.twilio.com, or a proxy.");
    public static final Setting<Duration> TWILIO_TIMEOUT = Setting.duration("REPLY_TWILIO_TIMEOUT", "PT10S",
            "How long to wait for a connection to Twilio, and then for its answer; an answer later than"
                    + " this leaves the reply's outcome unknown, and it is not resent.");

    public static final List<Setting<?>> SETTINGS = List.of(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN,
            TWILIO_API_KEY_SID, TWILIO_API_KEY_SECRET, TWILIO_FROM, TWILIO_MESSAGING_SERVICE_SID,
            TWILIO_API_BASE_URL, TWILIO_TIMEOUT);

    public TwilioSenderSettings {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(messagingServiceSid, "messagingServiceSid");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(timeout, "timeout");
        if (from.isPresent() && messagingServiceSid.isPresent()) {
            throw new IllegalArgumentException("Set " + TWILIO_FROM + " or " + TWILIO_MESSAGING_SERVICE_SID
                    + ", not both: a reply goes from one sender");
        }
    }

    public static TwilioSenderSettings from(Map<String, String> env) {
        String accountSid = TWILIO_ACCOUNT_SID.from(env);
        return new TwilioSenderSettings(accountSid, credentials(accountSid, env), TWILIO_FROM.from(env),
                TWILIO_MESSAGING_SERVICE_SID.from(env), TWILIO_API_BASE_URL.from(env), TWILIO_TIMEOUT.from(env));
    }

    /** The Messages resource of the account: {@code {base}/2010-04-01/Accounts/{AccountSid}/Messages.json}. */
    public URI messagesUri() {
        return URI.create(apiBaseUrl + "/2010-04-01/Accounts/" + accountSid + "/Messages.json");
    }

    private static TwilioCredentials credentials(String accountSid, Map<String, String> env) {
        Optional<Secret> authToken = TWILIO_AUTH_TOKEN.from(env);
        Optional<String> keySid = TWILIO_API_KEY_SID.from(env);
        Optional<Secret> keySecret = TWILIO_API_KEY_SECRET.from(env);
        boolean anyKeyPart = keySid.isPresent() || keySecret.isPresent();
        if (authToken.isPresent() && anyKeyPart) {
            throw new IllegalArgumentException("Set " + TWILIO_AUTH_TOKEN + " or " + TWILIO_API_KEY_SID + " with "
                    + TWILIO_API_KEY_SECRET + ", not both: which one Twilio checks would be a guess");
        }
        if (authToken.isPresent()) {
            return TwilioCredentials.authToken(accountSid, authToken.get());
        }
        if (keySid.isPresent() && keySecret.isPresent()) {
            return TwilioCredentials.apiKey(keySid.get(), keySecret.get());
        }
        if (keySid.isPresent()) {
            throw new IllegalArgumentException(TWILIO_API_KEY_SID + " is set without " + TWILIO_API_KEY_SECRET);
        }
        if (keySecret.isPresent()) {
            throw new IllegalArgumentException(TWILIO_API_KEY_SECRET + " is set without " + TWILIO_API_KEY_SID);
        }
        throw new IllegalArgumentException("Twilio needs credentials: set " + TWILIO_AUTH_TOKEN + ", or "
                + TWILIO_API_KEY_SID + " with " + TWILIO_API_KEY_SECRET);
    }

    private static ValueParser<String> sid(String prefix, String what) {
        return text -> {
            if (text.matches(prefix + "[0-9a-fA-F]{32}")) {
                return text;
            }
            throw new IllegalArgumentException("must be the SID of " + what + ": " + prefix + " and 32 hex digits");
        };
    }

    private static ValueParser<String> e164() {
        return text -> {
            if (text.matches("\\+[1-9]\\d{7,14}")) {
                return text;
            }
            throw new IllegalArgumentException("must be a phone number in E.164, like +447700900123");
        };
    }
}
