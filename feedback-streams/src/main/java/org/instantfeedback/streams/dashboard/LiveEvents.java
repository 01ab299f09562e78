package org.instantfeedback.streams.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackMetrics;
import org.instantfeedback.streams.http.QueryHttpApi;
import org.instantfeedback.streams.query.AlertView;
import org.instantfeedback.streams.query.Figures;

/**
 * Turns the records of the metrics and alert topics into the JSON of live events, shaped by the
 * query API's own views ({@code /v1/subjects} windows and {@code /v1/alerts} entries), so the page
 * merges a live update into what it loaded with one code path.
 */
public final class LiveEvents {
    private static final ObjectMapper JSON = QueryHttpApi.objectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() { };

    private LiveEvents() {
    }

    /**
     * {@code metrics}: the latest figures of one subject or group in one window, as a window of
     * {@code GET /v1/subjects} shows them, with the subject and scope they belong to.
     */
    public static LiveEvent metrics(FeedbackMetrics metrics) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", metrics.getSubject());
        json.put("scope", metrics.getScope().name());
        json.putAll(JSON.convertValue(Figures.of(metrics), OBJECT));
        return LiveEvent.of(LiveEvent.METRICS, write(json));
    }

    /**
     * {@code alert}: one event in the life of an alert, as an entry of {@code GET /v1/alerts}
     * shows the alert after it, with the event's {@code type} (OPENED, ESCALATED, UPDATED,
     * ACKNOWLEDGED, RESOLVED) and who did it with which note.
     */
    public static LiveEvent alert(FeedbackAlert alert) {
        Map<String, Object> json = JSON.convertValue(AlertView.of(alert), OBJECT);
        json.put("type", alert.getType().name());
        json.put("actor", alert.getActor());
        json.put("note", alert.getNote());
        return LiveEvent.of(LiveEvent.ALERT, write(json));
    }

    private static String write(Map<String, Object> json) {
        try {
            // Jackson escapes line breaks inside strings, so the JSON is one line, as SSE data needs.
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write live event JSON", e);
        }
    }
}
