package org.instantfeedback.streams.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.instantfeedback.alerting.Scope;
import org.instantfeedback.service.problem.ProblemException;
import org.instantfeedback.streams.query.AlertActions;
import org.instantfeedback.streams.query.AlertStatus;
import org.instantfeedback.streams.query.AlertView;
import org.instantfeedback.streams.query.InternalPaths;
import org.instantfeedback.streams.query.QueryService;
import org.instantfeedback.streams.query.SubjectCsat;

/**
 * The query API's routes: subjects and their figures, alerts and the two ops actions, and the
 * internal read paths the instances ask one another on. Handlers read parameters and hand the
 * work to {@link QueryService} and {@link AlertActions}.
 */
final class QueryRoutes {
    private static final String SUBJECTS_PATH = "/v1/subjects";
    private static final String CSAT_PATH = "/v1/subjects/{subject}/csat";
    private static final String ALERTS_PATH = "/v1/alerts";
    private static final String ACKNOWLEDGE_PATH = "/v1/alerts/{alertId}/acknowledge";
    private static final String RESOLVE_PATH = "/v1/alerts/{alertId}/resolve";
    private static final int MAX_ACTOR_LENGTH = 100;
    private static final int MAX_NOTE_LENGTH = 1_000;

    private final QueryService queries;
    private final AlertActions actions;
    private final List<Duration> windows;
    private final ObjectMapper json;

    QueryRoutes(QueryService queries, AlertActions actions, List<Duration> windows, ObjectMapper json) {
        this.queries = queries;
        this.actions = actions;
        this.windows = List.copyOf(windows);
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get(SUBJECTS_PATH, ctx -> ctx.json(queries.subjects(ApiAccess.forwardAuthorization(ctx))));
        routes.get(CSAT_PATH, this::csat);
        routes.get(ALERTS_PATH, this::alerts);
        routes.post(ACKNOWLEDGE_PATH, ctx -> act(ctx, AlertActions.Action.ACKNOWLEDGE));
        routes.post(RESOLVE_PATH, ctx -> act(ctx, AlertActions.Action.RESOLVE));

        routes.get(InternalPaths.METRICS, ctx -> ctx.json(queries.local().metrics(RequestParts.partitions(ctx))));
        routes.get(InternalPaths.ALERTS, ctx -> ctx.json(queries.local().alerts(RequestParts.partitions(ctx))));
        routes.get(InternalPaths.SERIES, ctx -> ctx.json(queries.local()
                .series(RequestParts.required(ctx, "key"), RequestParts.instant(ctx, "at")).orElseThrow(RequestParts::notHere)));
        routes.get(InternalPaths.CSAT, ctx -> ctx.json(queries.local()
                .csat(RequestParts.required(ctx, "subject"), RequestParts.instant(ctx, "at")).orElseThrow(RequestParts::notHere)));
        routes.get(InternalPaths.ALERT, ctx -> ctx.json(queries.local()
                .alert(RequestParts.required(ctx, "alertId")).orElseThrow(RequestParts::notHere)));
    }

    private void csat(Context ctx) {
        String subject = ctx.pathParam("subject");
        Duration window = RequestParts.window(ctx, windows);
        Scope scope = scope(ctx);
        Instant at = RequestParts.instant(ctx, "at");
        SubjectCsat answer = queries.csat(scope, subject, window, at, ApiAccess.forwardAuthorization(ctx))
                .orElseThrow(() -> QueryProblems.notFound("no-csat-figures", "No CSAT figures",
                        "There are no figures for " + scope.id() + " '" + subject + "' in the " + window
                                + " window" + (at == null ? "" : " as of " + at) + "."));
        ctx.json(answer);
    }

    private void alerts(Context ctx) {
        Set<AlertStatus> statuses = statuses(ctx.queryParam("status"));
        ctx.json(Map.of("alerts", queries.alerts(statuses, ApiAccess.forwardAuthorization(ctx))));
    }

    private void act(Context ctx, AlertActions.Action action) {
        String alertId = ctx.pathParam("alertId");
        JsonNode body = RequestParts.body(ctx, json, "{\"actor\":\"Sam\",\"note\":\"...\"}");
        String actor = RequestParts.text(body, "actor");
        if (actor == null || actor.isBlank()) {
            throw QueryProblems.invalidRequest("actor", "say who acts, e.g. {\"actor\":\"Sam\",\"note\":\"...\"}");
        }
        if (actor.length() > MAX_ACTOR_LENGTH) {
            throw QueryProblems.invalidRequest("actor", "must be at most " + MAX_ACTOR_LENGTH + " characters");
        }
        String note = RequestParts.text(body, "note");
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw QueryProblems.invalidRequest("note", "must be at most " + MAX_NOTE_LENGTH + " characters");
        }
        AlertView alert = queries.alert(alertId, ApiAccess.forwardAuthorization(ctx))
                .orElseThrow(() -> QueryProblems.alertNotFound(alertId));
        if (alert.status() == AlertStatus.RESOLVED) {
            throw QueryProblems.conflict("alert-resolved", "The alert is resolved",
                    "Alert '" + alertId + "' was resolved at " + alert.resolvedAt() + "; nothing is left to do.");
        }
        if (action == AlertActions.Action.ACKNOWLEDGE && alert.status() == AlertStatus.ACKNOWLEDGED) {
            throw QueryProblems.conflict("alert-acknowledged", "The alert is acknowledged already",
                    "Alert '" + alertId + "' was acknowledged by " + alert.acknowledgedBy() + " at "
                            + alert.acknowledgedAt() + ".");
        }
        actions.send(alert, action, actor.strip(), note == null || note.isBlank() ? null : note.strip());
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("alertId", alertId);
        accepted.put("action", action.name());
        accepted.put("accepted", true);
        ctx.status(202).json(accepted);
    }

    private static Scope scope(Context ctx) {
        String value = ctx.queryParam("scope");
        if (value == null || value.isBlank()) {
            return Scope.SUBJECT;
        }
        return QueryService.scope(value).orElseThrow(() -> QueryProblems.invalidRequest("scope",
                "must be subject or group"));
    }

    private static Set<AlertStatus> statuses(String value) {
        if (value == null || value.isBlank()) {
            return EnumSet.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED);
        }
        Set<AlertStatus> statuses = EnumSet.noneOf(AlertStatus.class);
        for (String part : value.split(",")) {
            statuses.add(AlertStatus.parse(part).orElseThrow(() -> QueryProblems.invalidRequest("status",
                    "must be open, acknowledged or resolved (or several, comma-separated)")));
        }
        return statuses;
    }
}
