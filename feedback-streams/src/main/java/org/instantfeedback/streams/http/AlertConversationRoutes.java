package org.instantfeedback.streams.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import org.instantfeedback.streams.query.AlertView;
import org.instantfeedback.streams.query.ConversationQueries;
import org.instantfeedback.streams.query.QueryService;

/**
 * From an alert to the passengers behind it: the conversations holding the messages its examples
 * were (a passenger's SMS is a message of their conversation under the feedback's event id), so
 * ops go from "negative surge on route-42" to the people who wrote and can answer them.
 */
public final class AlertConversationRoutes {
    private static final String PATH = "/v1/alerts/{alertId}/conversations";

    private final QueryService alerts;
    private final ConversationQueries conversations;

    public AlertConversationRoutes(QueryService alerts, ConversationQueries conversations) {
        this.alerts = alerts;
        this.conversations = conversations;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::conversations);
    }

    private void conversations(Context ctx) {
        String alertId = ctx.pathParam("alertId");
        String authorization = ApiAccess.forwardAuthorization(ctx);
        AlertView alert = alerts.alert(alertId, authorization)
                .orElseThrow(() -> QueryProblems.alertNotFound(alertId));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("alertId", alertId);
        answer.put("conversations", conversations.holding(new LinkedHashSet<>(alert.exampleEventIds()),
                authorization));
        ctx.json(answer);
    }
}
