package org.instantfeedback.service.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Which dependencies answered the last readiness check, by name, in check order. */
public record ReadinessReport(Map<String, Boolean> reachable) {
    public ReadinessReport {
        reachable = Collections.unmodifiableMap(new LinkedHashMap<>(reachable));
    }

    /** Ready when every dependency answered. */
    public boolean ready() {
        return !reachable.containsValue(false);
    }

    /** Names of the dependencies that did not answer. */
    public List<String> unreachable() {
        return reachable.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                .collect(Collectors.toList());
    }
}
