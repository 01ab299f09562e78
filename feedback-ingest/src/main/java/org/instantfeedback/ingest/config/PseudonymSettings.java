package org.instantfeedback.ingest.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParsers;

/**
 * The key of the senders' pseudonyms, and local mode, where a public key may stand in for it.
 *
 * @param localMode development mode: a fixed pseudonym secret may stand in for a real one
 * @param secret    key of the senders' HMAC-SHA256 pseudonyms
 */
public record PseudonymSettings(boolean localMode, Secret secret) {
    /** Shortest pseudonym secret accepted: the key length of HMAC-SHA256's output. */
    private static final int PSEUDONYM_SECRET_MIN_LENGTH = 32;
    /**
     * The pseudonym secret of local mode. Public (it is in the source), so pseudonyms made with it
     * protect nobody: local mode must never see real phone numbers.
     */
    private static final String LOCAL_MODE_PSEUDONYM_SECRET = "local-mode-only:not-secret:instant-feedback-pseudonyms";

    public static final Setting<Boolean> LOCAL_MODE = Setting.flag("INGEST_LOCAL_MODE", false,
            "true for development only: without INGEST_PSEUDONYM_SECRET, use a fixed,"
                    + " public pseudonym key (logged as a warning). Never with real phone numbers.");
    /** Required, but read by hand: local mode runs without it, and its text never shows in a message. */
    public static final Setting<String> PSEUDONYM_SECRET = Setting.required("INGEST_PSEUDONYM_SECRET",
            ValueParsers.text(), "Key (at least " + PSEUDONYM_SECRET_MIN_LENGTH + " characters) of the HMAC-SHA256"
                    + " pseudonyms that replace senders' phone numbers. Required unless " + LOCAL_MODE + "=true."
                    + " Changing it changes every sender's pseudonym.");

    static final List<Setting<?>> SETTINGS = List.of(PSEUDONYM_SECRET, LOCAL_MODE);

    public PseudonymSettings {
        Objects.requireNonNull(secret, "secret");
    }

    static PseudonymSettings from(Map<String, String> env) {
        boolean localMode = LOCAL_MODE.from(env);
        return new PseudonymSettings(localMode, secret(env, localMode));
    }

    /** Whether the pseudonym key is the public one of local mode. */
    public boolean usesLocalModeSecret() {
        return secret.equals(Secret.of(LOCAL_MODE_PSEUDONYM_SECRET));
    }

    private static Secret secret(Map<String, String> env, boolean localMode) {
        if (!PSEUDONYM_SECRET.isSetIn(env)) {
            if (localMode) {
                return Secret.of(LOCAL_MODE_PSEUDONYM_SECRET);
            }
            throw new IllegalArgumentException(PSEUDONYM_SECRET + " is required: it keys the pseudonyms that"
                    + " replace senders' phone numbers (at least " + PSEUDONYM_SECRET_MIN_LENGTH + " characters,"
                    + " e.g. from 'openssl rand -base64 48'); only " + LOCAL_MODE + "=true runs without one");
        }
        String secret = PSEUDONYM_SECRET.from(env);
        if (secret.length() < PSEUDONYM_SECRET_MIN_LENGTH) {
            throw new IllegalArgumentException(PSEUDONYM_SECRET + " must be at least " + PSEUDONYM_SECRET_MIN_LENGTH
                    + " characters long, but has " + secret.length());
        }
        return Secret.of(secret);
    }
}
