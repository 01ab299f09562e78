package org.instantfeedback.service.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A readiness answer: whether the service is ready (200, {@code "status":"UP"}) or not (503,
 * {@code "status":"DOWN"}), and what else the body says, in order (the checks, the targets).
 */
public record ProbeAnswer(boolean ready, Map<String, Object> details) {
    public ProbeAnswer {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** The JSON body: {@code status} first, then the details. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "UP" : "DOWN");
        body.putAll(details);
        return body;
    }

    public int httpStatus() {
        return ready ? 200 : 503;
    }
}
