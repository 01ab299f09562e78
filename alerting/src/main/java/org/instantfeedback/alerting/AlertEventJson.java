package org.instantfeedback.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * An {@link AlertEvent} as JSON, for logs, the HTTP API and documentation: the field names of the
 * Avro {@code FeedbackAlert}, enums as lower-case ids ("negative-surge", "critical"), times as
 * ISO-8601 instants and durations. Null fields are written as null so every record has the same shape.
 */
public final class AlertEventJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AlertEventJson() {
    }

    public static String write(AlertEvent event) {
        try {
            return JSON.writeValueAsString(tree(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert event must always render as JSON", e);
        }
    }

    public static ObjectNode tree(AlertEvent e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventId", e.eventId());
        node.put("alertId", e.alertId());
        node.put("scope", e.scope().id());
        node.put("subject", e.subject());
        node.put("kind", e.kind().id());
        node.put("severity", e.severity().id());
        node.put("type", e.type().name().toLowerCase(Locale.ROOT));
        node.put("reason", e.reason());
        node.set("window", e.window() == null ? null : window(e.window()));
        node.set("figures", figures(e.figures()));
        ArrayNode examples = node.putArray("examples");
        e.examples().forEach(examples::add);
        ArrayNode exampleEventIds = node.putArray("exampleEventIds");
        e.exampleEventIds().forEach(exampleEventIds::add);
        node.put("openedAt", text(e.openedAt()));
        node.put("eventAt", text(e.eventAt()));
        node.put("acknowledgedAt", text(e.acknowledgedAt()));
        node.put("acknowledgedBy", e.acknowledgedBy());
        node.put("resolvedAt", text(e.resolvedAt()));
        node.put("resolution", e.resolution() == null ? null : e.resolution().name().toLowerCase(Locale.ROOT));
        node.put("actor", e.actor());
        node.put("note", e.note());
        node.put("timeToAcknowledge", text(e.timeToAcknowledge()));
        node.put("timeToResolve", text(e.timeToResolve()));
        return node;
    }

    private static ObjectNode window(AlertWindow window) {
        ObjectNode node = JSON.createObjectNode();
        node.put("start", text(window.start()));
        node.put("end", text(window.end()));
        node.put("size", text(window.size()));
        return node;
    }

    private static ObjectNode figures(KeyFigures f) {
        ObjectNode node = JSON.createObjectNode();
        node.put("responses", f.responses());
        node.put("ratedResponses", f.ratedResponses());
        node.put("csatPercent", f.csatPercent());
        node.put("averageRating", f.averageRating());
        node.put("nps", f.nps());
        node.put("scoredTexts", f.scoredTexts());
        node.put("negativeTexts", f.negativeTexts());
        node.put("negativeSharePercent", f.negativeSharePercent());
        node.put("urgentReports", f.urgentReports());
        node.put("complaints", f.complaints());
        node.put("distinctSenders", f.distinctSenders());
        node.put("complainants", f.complainants());
        node.put("sendersApproximate", f.sendersApproximate());
        node.put("baselineCsatPercent", f.baselineCsatPercent());
        node.put("usualComplaints", f.usualComplaints());
        return node;
    }

    private static String text(Instant value) {
        return value == null ? null : value.toString();
    }

    private static String text(Duration value) {
        return value == null ? null : value.toString();
    }
}
