package org.instantfeedback.ingest.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.instantfeedback.service.settings.Setting;

/**
 * What this instance remembers of the events it stored, to answer retries without storing again.
 *
 * @param horizon    how long this instance remembers stored event ids
 * @param maxEntries most event ids remembered
 */
public record DedupSettings(Duration horizon, int maxEntries) {
    private static final Setting<Integer> DEDUP_HORIZON_SECONDS = Setting.wholeNumber("INGEST_DEDUP_HORIZON_SECONDS",
            600, 1, 86_400, "How long this instance remembers stored event ids, answering retries without storing"
                    + " again (1-86400).");
    private static final Setting<Integer> DEDUP_MAX_ENTRIES = Setting.wholeNumber("INGEST_DEDUP_MAX_ENTRIES",
            100_000, 1_000, 10_000_000, "Most event ids remembered (1000-10000000).");

    static final List<Setting<?>> SETTINGS = List.of(DEDUP_HORIZON_SECONDS, DEDUP_MAX_ENTRIES);

    static DedupSettings from(Map<String, String> env) {
        return new DedupSettings(Duration.ofSeconds(DEDUP_HORIZON_SECONDS.from(env)), DEDUP_MAX_ENTRIES.from(env));
    }
}
