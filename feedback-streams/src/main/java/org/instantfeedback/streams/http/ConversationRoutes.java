package org.instantfeedback.streams.http;

import org.instantfeedback.actions.ConversationAction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.instantfeedback.streams.conversations.ConversationView;
import org.instantfeedback.streams.query.ConversationActions;
import org.instantfeedback.streams.query.ConversationQueries;
import org.instantfeedback.streams.query.InternalPaths;

/**
 * The conversation endpoints, in the style of the alert ones: list and read conversations, answer
 * the passenger, close, and erase the contact ("forget"). Writes are checked against the
 * conversation as it stands (404, 409) and answered 202 once Kafka has them; the topology applies
 * them on the instance that owns the conversation.
 */
public final class ConversationRoutes {
    private static final String LIST_PATH = "/v1/conversations";
    private static final String ONE_PATH = "/v1/conversations/{conversationId}";
    private static final String REPLIES_PATH = "/v1/conversations/{conversationId}/replies";
    private static final String CLOSE_PATH = "/v1/conversations/{conversationId}/close";
    private static final String FORGET_PATH = "/v1/conversations/{conversationId}/forget";
    private static final Set<String> STATUSES = Set.of("open", "waiting", "closed");
    private static final int MAX_BY_LENGTH = 100;

    private final ConversationQueries queries;
    private final ConversationActions actions;
    private final ObjectMapper json = QueryHttpApi.objectMapper();

    public ConversationRoutes(ConversationQueries queries, ConversationActions actions) {
        this.queries = queries;
        this.actions = actions;
    }

    public void register(RoutesConfig routes) {
        routes.get(LIST_PATH, this::list);
        routes.get(ONE_PATH, ctx -> ctx.json(existing(ctx)));
        routes.post(REPLIES_PATH, this::reply);
        routes.post(CLOSE_PATH, this::close);
        routes.post(FORGET_PATH, this::forget);
        routes.get(InternalPaths.CONVERSATIONS, this::local);
        routes.get(InternalPaths.CONVERSATION, ctx -> ctx.json(queries.local()
                .one(RequestParts.required(ctx, "conversationId")).orElseThrow(RequestParts::notHere)));
    }

    private void list(Context ctx) {
        ConversationQueries.Filter filter = new ConversationQueries.Filter(statuses(ctx.queryParam("status")),
                blankToNull(ctx.queryParam("subject")), blankToNull(ctx.queryParam("group")),
                overdue(ctx.queryParam("overdue")), order(ctx.queryParam("order")));
        ctx.json(Map.of("conversations", queries.list(filter, ApiAccess.forwardAuthorization(ctx))));
    }

    /** This instance's conversations of the asked partitions; with {@code messages}, only those holding one. */
    private void local(Context ctx) {
        String messages = ctx.queryParam("messages");
        ctx.json(messages == null ? queries.local().all(RequestParts.partitions(ctx))
                : queries.local().holding(RequestParts.partitions(ctx), InternalPaths.messageIds(messages)));
    }

    private void reply(Context ctx) {
        ConversationView conversation = existing(ctx);
        JsonNode body = RequestParts.body(ctx, json, "{\"text\":\"Sorry, ...\",\"by\":\"Sam\"}");
        String by = by(body);
        String text = RequestParts.text(body, "text");
        if (text == null || text.isBlank()) {
            throw QueryProblems.invalidRequest("text", "say what to answer, e.g. {\"text\":\"Sorry, ...\",\"by\":\"Sam\"}");
        }
        if (text.strip().length() > ConversationAction.MOST_TEXT_CHARACTERS) {
            throw QueryProblems.invalidRequest("text", "must be at most " + ConversationAction.MOST_TEXT_CHARACTERS
                    + " characters (ten SMS)");
        }
        if (conversation.optedOut()) {
            throw QueryProblems.conflict("passenger-opted-out", "The passenger opted out",
                    "The passenger of " + conversation.conversationId() + " wrote STOP; no SMS can be sent to them.");
        }
        String replyId = actions.reply(conversation, text.strip(), by);
        accepted(ctx, conversation, "reply", replyId);
    }

    private void close(Context ctx) {
        ConversationView conversation = existing(ctx);
        String by = by(RequestParts.body(ctx, json, "{\"by\":\"Sam\"}"));
        if (conversation.closedAt() != null) {
            throw QueryProblems.conflict("conversation-closed", "The conversation is closed already",
                    conversation.conversationId() + " was closed by " + conversation.closedBy() + " at "
                            + conversation.closedAt() + ".");
        }
        actions.close(conversation, by);
        accepted(ctx, conversation, "close", null);
    }

    private void forget(Context ctx) {
        ConversationView conversation = existing(ctx);
        String by = by(RequestParts.body(ctx, json, "{\"by\":\"Sam\"}"));
        actions.forget(conversation, by);
        accepted(ctx, conversation, "forget", null);
    }

    private ConversationView existing(Context ctx) {
        String conversationId = ctx.pathParam("conversationId");
        return queries.one(conversationId, ApiAccess.forwardAuthorization(ctx))
                .orElseThrow(() -> QueryProblems.notFound("conversation-not-found", "No such conversation",
                        "There is no conversation '" + conversationId + "' (a contact keeps their latest 20;"
                                + " an erased contact has none)."));
    }

    private static String by(JsonNode body) {
        String by = RequestParts.text(body, "by");
        if (by == null || by.isBlank()) {
            throw QueryProblems.invalidRequest("by", "say who acts, e.g. {\"by\":\"Sam\"}");
        }
        if (by.length() > MAX_BY_LENGTH) {
            throw QueryProblems.invalidRequest("by", "must be at most " + MAX_BY_LENGTH + " characters");
        }
        return by.strip();
    }

    private static void accepted(Context ctx, ConversationView conversation, String action, String replyId) {
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("conversationId", conversation.conversationId());
        accepted.put("action", action);
        if (replyId != null) {
            accepted.put("replyId", replyId);
        }
        accepted.put("accepted", true);
        ctx.status(202).json(accepted);
    }

    private static Set<String> statuses(String value) {
        if (value == null || value.isBlank()) {
            return Set.of("open", "waiting");
        }
        Set<String> statuses = new TreeSet<>();
        for (String part : value.split(",")) {
            String status = part.strip().toLowerCase(Locale.ROOT);
            if (!STATUSES.contains(status)) {
                throw QueryProblems.invalidRequest("status", "must be open, waiting or closed (or several, comma-separated)");
            }
            statuses.add(status);
        }
        return statuses;
    }

    private static Boolean overdue(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw QueryProblems.invalidRequest("overdue", "must be true or false");
        };
    }

    private static ConversationQueries.Order order(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("newest")) {
            return ConversationQueries.Order.NEWEST;
        }
        if (value.strip().equalsIgnoreCase("oldest-unanswered")) {
            return ConversationQueries.Order.OLDEST_UNANSWERED;
        }
        throw QueryProblems.invalidRequest("order", "must be newest or oldest-unanswered");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
