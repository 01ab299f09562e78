package org.instantfeedback.ingest.config;

import java.util.List;
import java.util.Map;
import org.instantfeedback.service.settings.Setting;

/**
 * Token-bucket limits: each key (client address, sender pseudonym) may make {@code burst}
 * requests at once, then {@code perMinute} a minute.
 *
 * @param enabled         false turns every limit off
 * @param clientPerMinute requests per minute from one client address
 * @param clientBurst     requests one client address may make at once
 * @param senderPerMinute messages per minute from one sender (SMS)
 * @param senderBurst     messages one sender may send at once
 * @param maxTracked      most keys tracked per limit; idle keys are forgotten first
 */
public record RateLimitSettings(boolean enabled, int clientPerMinute, int clientBurst, int senderPerMinute,
        int senderBurst, int maxTracked) {
    public static final Setting<Boolean> RATE_LIMIT_ENABLED = Setting.flag("INGEST_RATE_LIMIT_ENABLED", true,
            "false turns every rate limit off.");
    public static final Setting<Integer> RATE_LIMIT_CLIENT_PER_MINUTE = perKey("INGEST_RATE_LIMIT_CLIENT_PER_MINUTE",
            60, "Requests per minute one client address may make, after its burst (1-1000000).");
    public static final Setting<Integer> RATE_LIMIT_CLIENT_BURST = perKey("INGEST_RATE_LIMIT_CLIENT_BURST", 30,
            "Requests one client address may make at once (1-1000000).");
    public static final Setting<Integer> RATE_LIMIT_SENDER_PER_MINUTE = perKey("INGEST_RATE_LIMIT_SENDER_PER_MINUTE",
            2, "SMS per minute one sender may send, after their burst (1-1000000).");
    public static final Setting<Integer> RATE_LIMIT_SENDER_BURST = perKey("INGEST_RATE_LIMIT_SENDER_BURST", 5,
            "SMS one sender may send at once (1-1000000).");
    private static final Setting<Integer> RATE_LIMIT_MAX_TRACKED = Setting.wholeNumber("INGEST_RATE_LIMIT_MAX_TRACKED",
            100_000, 1_000, 10_000_000, "Most client addresses and senders tracked per limit; idle ones are"
                    + " forgotten first (1000-10000000).");

    static final List<Setting<?>> SETTINGS = List.of(RATE_LIMIT_ENABLED, RATE_LIMIT_CLIENT_PER_MINUTE,
            RATE_LIMIT_CLIENT_BURST, RATE_LIMIT_SENDER_PER_MINUTE, RATE_LIMIT_SENDER_BURST, RATE_LIMIT_MAX_TRACKED);

    static RateLimitSettings from(Map<String, String> env) {
        return new RateLimitSettings(RATE_LIMIT_ENABLED.from(env), RATE_LIMIT_CLIENT_PER_MINUTE.from(env),
                RATE_LIMIT_CLIENT_BURST.from(env), RATE_LIMIT_SENDER_PER_MINUTE.from(env),
                RATE_LIMIT_SENDER_BURST.from(env), RATE_LIMIT_MAX_TRACKED.from(env));
    }

    private static Setting<Integer> perKey(String name, int fallback, String meaning) {
        return Setting.wholeNumber(name, fallback, 1, 1_000_000, meaning);
    }
}
