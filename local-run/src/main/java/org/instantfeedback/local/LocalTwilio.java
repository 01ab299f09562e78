package org.instantfeedback.local;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.instantfeedback.embedded.twilio.TwilioApiStandIn;
import org.instantfeedback.ingest.config.TwilioSettings;
import org.instantfeedback.replies.config.ReplySenderConfig;
import org.instantfeedback.replies.provider.TwilioSenderSettings;
import org.instantfeedback.service.settings.Setting;

/**
 * The Twilio account of a local run. By default a stand-in of Twilio's Messages API runs in this
 * process ({@link TwilioApiStandIn}) under a made-up account: the reply sender texts answers to it,
 * and it reports each one sent, then delivered, through status callbacks to ingest signed as Twilio
 * signs them, so answers move along as with the real service and no SMS leaves the machine. An
 * operator who sets {@code REPLY_TWILIO_ACCOUNT_SID} (or {@code REPLY_PROVIDER=gateway}) gets their own
 * provider instead, and no stand-in. Ingest checks Twilio signatures with the token the stand-in and
 * the simulator sign with: the operator's {@code INGEST_TWILIO_AUTH_TOKEN}, else their account's auth
 * token, else one made at random for this run.
 */
final class LocalTwilio implements AutoCloseable {
    /** Shaped like an account SID (AC and 32 hex digits), and plainly no real one. */
    static final String LOCAL_ACCOUNT_SID = "AC" + "0".repeat(27) + "10ca1";
    /** A handset takes a moment: "sent" a second after the answer, "delivered" a second later. */
    static final Duration DELIVERY_DELAY = Duration.ofSeconds(1);
    private static final String AUTO_OFFSET_RESET = "KAFKA_AUTO_OFFSET_RESET";

    private final TwilioApiStandIn standIn;
    private final String accountSid;
    private final String authToken;

    private LocalTwilio(TwilioApiStandIn standIn, String accountSid, String authToken) {
        this.standIn = standIn;
        this.accountSid = accountSid;
        this.authToken = authToken;
    }

    /** Starts the stand-in, unless {@code env} names a provider of the operator's own. */
    static LocalTwilio start(Map<String, String> env) {
        Optional<String> ingestToken = valueIn(env, TwilioSettings.TWILIO_AUTH_TOKEN);
        if (ownProvider(env)) {
            // their account's token is the one Twilio signs the status callbacks of their answers with
            String token = ingestToken.or(() -> valueIn(env, TwilioSenderSettings.TWILIO_AUTH_TOKEN))
                    .orElseGet(LocalTwilio::randomToken);
            return new LocalTwilio(null, valueIn(env, TwilioSenderSettings.TWILIO_ACCOUNT_SID)
                    .orElse(LOCAL_ACCOUNT_SID), token);
        }
        String token = ingestToken.orElseGet(LocalTwilio::randomToken);
        TwilioApiStandIn standIn = TwilioApiStandIn.start(LOCAL_ACCOUNT_SID, token);
        standIn.autoDeliver(DELIVERY_DELAY);
        return new LocalTwilio(standIn, LOCAL_ACCOUNT_SID, token);
    }

    private static Optional<String> valueIn(Map<String, String> env, Setting<?> setting) {
        return setting.isSetIn(env) ? Optional.of(env.get(setting.name()).strip()) : Optional.empty();
    }

    private static boolean ownProvider(Map<String, String> env) {
        return TwilioSenderSettings.TWILIO_ACCOUNT_SID.isSetIn(env)
                || "gateway".equalsIgnoreCase(env.getOrDefault(ReplySenderConfig.REPLY_PROVIDER.name(), "").strip());
    }

    /** Ingest checks Twilio's signatures (inbound texts, status callbacks) with this account's token. */
    void configureIngest(Map<String, String> services) {
        services.put(TwilioSettings.TWILIO_AUTH_TOKEN.name(), authToken);
    }

    /**
     * The reply sender's environment: the services', pointed at the stand-in (with ingest's status
     * endpoint as the callback), or left to the operator's provider.
     */
    Map<String, String> senderEnvironment(Map<String, String> services, URI ingest, int port) {
        Map<String, String> env = new HashMap<>(services);
        env.put(ReplySenderConfig.REPLY_SENDER_HTTP_PORT.name(), Integer.toString(port));
        env.putIfAbsent(ReplySenderConfig.REPLY_SENDER_TRANSACTIONAL_ID.name(), "reply-sender-local");
        // The embedded broker starts empty, so no reply on it is old: reading from the start misses
        // none written while the sender joins its group (production starts at the end instead).
        env.putIfAbsent(AUTO_OFFSET_RESET, "earliest");
        env.putIfAbsent(ReplySenderConfig.REPLY_PROVIDER.name(), "twilio");
        if (standIn != null) {
            env.put(ReplySenderConfig.REPLY_PROVIDER.name(), "twilio");
            env.put(TwilioSenderSettings.TWILIO_ACCOUNT_SID.name(), accountSid);
            env.put(TwilioSenderSettings.TWILIO_AUTH_TOKEN.name(), authToken);
            env.remove(TwilioSenderSettings.TWILIO_API_KEY_SID.name());
            env.remove(TwilioSenderSettings.TWILIO_API_KEY_SECRET.name());
            env.put(TwilioSenderSettings.TWILIO_API_BASE_URL.name(), standIn.baseUrl());
            env.putIfAbsent(ReplySenderConfig.REPLY_STATUS_CALLBACK_URL.name(),
                    ingest.resolve("/v1/sms/twilio/status").toString());
        }
        return env;
    }

    /** The stand-in, unless the operator's own provider sends the answers. */
    Optional<TwilioApiStandIn> standIn() {
        return Optional.ofNullable(standIn);
    }

    String accountSid() {
        return accountSid;
    }

    String authToken() {
        return authToken;
    }

    private static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        if (standIn != null) {
            standIn.close();
        }
    }
}
