package org.instantfeedback.ingest.config;

import java.util.List;
import java.util.Map;
import org.instantfeedback.ingest.http.TrustedProxies;
import org.instantfeedback.service.settings.Setting;

/**
 * The HTTP edge of feedback-ingest.
 *
 * @param port           port of the HTTP API; 0 lets the OS choose one
 * @param maxBodyBytes   largest request body accepted
 * @param trustedProxies proxies whose {@code X-Forwarded-For} is believed
 */
public record HttpSettings(int port, int maxBodyBytes, TrustedProxies trustedProxies) {
    public static final Setting<Integer> HTTP_PORT = Setting.port("INGEST_HTTP_PORT", 8080,
            "Port of the HTTP API (0 lets the OS choose).");
    public static final Setting<Integer> MAX_BODY_BYTES = Setting.wholeNumber("INGEST_MAX_BODY_BYTES", 16_384, 1_024,
            1_048_576, "Largest request body accepted, in bytes; larger bodies get 413 (1024-1048576).");
    public static final Setting<List<String>> TRUSTED_PROXIES = Setting.list("INGEST_TRUSTED_PROXIES",
            "Comma-separated addresses or networks (10.0.0.0/8) of proxies whose X-Forwarded-For"
                    + " is believed for per-client limits. Unset: the peer address is the client.");

    static final List<Setting<?>> SETTINGS = List.of(HTTP_PORT, MAX_BODY_BYTES, TRUSTED_PROXIES);

    static HttpSettings from(Map<String, String> env) {
        return new HttpSettings(HTTP_PORT.from(env), MAX_BODY_BYTES.from(env), trustedProxies(env));
    }

    private static TrustedProxies trustedProxies(Map<String, String> env) {
        try {
            return TrustedProxies.parse(TRUSTED_PROXIES.from(env));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(TRUSTED_PROXIES + ": " + e.getMessage(), e);
        }
    }
}
