package org.instantfeedback.streams.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.instantfeedback.alerting.lifecycle.AlertEvaluator;
import org.instantfeedback.alerting.lifecycle.AlertState;
import org.instantfeedback.alerting.lifecycle.AlertEvaluation;
import org.instantfeedback.alerting.lifecycle.OpsAction;
import org.instantfeedback.alerting.lifecycle.OpsActionRejectedException;
import org.instantfeedback.alerting.rules.AlertRules;

/**
 * Ops actions from feedback.alert-actions.v1: reads the JSON value
 * {@code {"alertId": "...", "action": "ACKNOWLEDGE"|"RESOLVE", "actor": "alice", "note": "...", "at": "2026-...Z"}}
 * and applies it to the alert state. Anything it cannot use is rejected with a reason an operator
 * can act on ({@link OpsActionRejectedException}), and the record goes to the dead-letter topic.
 */
final class OpsActionHandler {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final AlertEvaluator evaluator;

    OpsActionHandler(AlertEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * Reads one record of the actions topic.
     *
     * @param key   {@code <scope>:<id>:<kind>}
     * @throws OpsActionRejectedException when the key or value cannot be used
     */
    static KeyedAction read(String key, String json) {
        int lastColon = key == null ? -1 : key.lastIndexOf(':');
        if (lastColon <= 0) {
            throw new OpsActionRejectedException("the key '" + key + "' is not <scope>:<id>:<kind>"
                    + " (subject:route-42:negative-surge)");
        }
        ScopeKey scopeKey;
        try {
            scopeKey = ScopeKey.parse(key.substring(0, lastColon));
        } catch (IllegalArgumentException e) {
            throw new OpsActionRejectedException("the key '" + key + "' is not <scope>:<id>:<kind>: " + e.getMessage());
        }
        JsonNode node;
        try {
            node = json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new OpsActionRejectedException("the action is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new OpsActionRejectedException("the action must be a JSON object with alertId, action, actor, note, at");
        }
        return new KeyedAction(scopeKey, new OpsActionRequest(key.substring(lastColon + 1), text(node, "alertId"),
                text(node, "action"), text(node, "actor"), text(node, "note"), instant(node)));
    }

    /** An action with the subject or group its key names. */
    record KeyedAction(ScopeKey key, OpsActionRequest action) {
    }

    /** @throws OpsActionRejectedException when the action cannot be applied to this state */
    AlertEvaluation apply(AlertState state, OpsActionRequest request, AlertRules rules) {
        String action = request.action() == null ? "" : request.action().toUpperCase(Locale.ROOT);
        OpsAction opsAction = new OpsAction(request.alertId(), request.actor(), request.note(), request.at());
        return switch (action) {
            case OpsActionRequest.ACKNOWLEDGE -> evaluator.acknowledge(state, opsAction);
            case OpsActionRequest.RESOLVE -> evaluator.resolve(state, opsAction, rules);
            default -> throw new OpsActionRejectedException("action '" + request.action() + "' is not one of "
                    + OpsActionRequest.ACKNOWLEDGE + ", " + OpsActionRequest.RESOLVE);
        };
    }

    /** The action as JSON, for the dead-letter record. */
    static String json(OpsActionRequest action) {
        ObjectNode node = JSON.createObjectNode();
        node.put("alertId", action.alertId());
        node.put("action", action.action());
        node.put("actor", action.actor());
        node.put("note", action.note());
        node.put("at", action.at() == null ? null : action.at().toString());
        return node.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode node) {
        String at = text(node, "at");
        if (at == null) {
            throw new OpsActionRejectedException("the action must say when it was taken ('at', an ISO-8601 instant)");
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new OpsActionRejectedException("'at' must be an ISO-8601 instant such as 2026-05-04T08:19:00Z, was '"
                    + at + "'");
        }
    }
}
