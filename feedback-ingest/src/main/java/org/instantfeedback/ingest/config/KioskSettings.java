package org.instantfeedback.ingest.config;

import java.util.List;
import java.util.Map;
import org.instantfeedback.service.settings.Setting;

/**
 * The kiosks' batch channel ({@code POST /v1/feedback/batch}); disabled without keys.
 *
 * @param apiKeys      API keys of kiosks
 * @param maxItems     most items in one kiosk batch
 * @param maxBodyBytes largest kiosk batch body
 */
public record KioskSettings(List<Secret> apiKeys, int maxItems, int maxBodyBytes) {
    public static final Setting<List<String>> KIOSK_API_KEYS = Setting.list("INGEST_KIOSK_API_KEYS",
            "Comma-separated API keys for POST /v1/feedback/batch (unset: endpoint disabled).");
    public static final Setting<Integer> BATCH_MAX_ITEMS = Setting.wholeNumber("INGEST_BATCH_MAX_ITEMS", 500, 1,
            10_000, "Most items in one kiosk batch (1-10000).");
    public static final Setting<Integer> BATCH_MAX_BODY_BYTES = Setting.wholeNumber("INGEST_BATCH_MAX_BODY_BYTES",
            262_144, 1_024, 16_777_216, "Largest kiosk batch body, in bytes; larger ones get 413 (1024-16777216).");

    static final List<Setting<?>> SETTINGS = List.of(KIOSK_API_KEYS, BATCH_MAX_ITEMS, BATCH_MAX_BODY_BYTES);

    public KioskSettings {
        apiKeys = List.copyOf(apiKeys);
    }

    static KioskSettings from(Map<String, String> env) {
        return new KioskSettings(Secret.all(KIOSK_API_KEYS.from(env)), BATCH_MAX_ITEMS.from(env),
                BATCH_MAX_BODY_BYTES.from(env));
    }
}
