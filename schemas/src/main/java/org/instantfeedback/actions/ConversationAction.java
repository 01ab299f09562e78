package org.instantfeedback.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Something done to a contact's conversations, as a record on feedback.conversation-actions.v1:
 * keyed by contactId, the JSON value {@code {action, conversationId, text, by, replyId, at}}. Ops
 * reply, close and forget through the query API; the edge records a passenger's STOP, START and
 * "forget me". This class is the one place that reads and writes that JSON.
 */
public record ConversationAction(Kind kind, String contactId, String conversationId, String text, String by,
                                 String replyId, Instant at) {
    /** The longest answer: ten SMS segments, as Twilio accepts in one message. */
    public static final int MOST_TEXT_CHARACTERS = 1_600;
    /** The {@code by} of what passengers ask for themselves by SMS (STOP, START, "forget me"). */
    public static final String PASSENGER = "passenger";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is done. */
    public enum Kind {
        /** Ops answer the passenger: {@code conversationId, text, by, replyId}. */
        REPLY,
        /** Ops close the conversation: {@code conversationId, by}. */
        CLOSE,
        /** Erase the contact: every conversation and the contact's keys ({@code by} who asked). */
        FORGET,
        /** The passenger wrote STOP: no answer is sent to them any more. */
        OPT_OUT,
        /** The passenger wrote START after a STOP. */
        OPT_IN;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static ConversationAction reply(String contactId, String conversationId, String text, String by,
                                           String replyId, Instant at) {
        return new ConversationAction(Kind.REPLY, contactId, conversationId, text, by, replyId, at);
    }

    public static ConversationAction close(String contactId, String conversationId, String by, Instant at) {
        return new ConversationAction(Kind.CLOSE, contactId, conversationId, null, by, null, at);
    }

    public static ConversationAction forget(String contactId, String by, Instant at) {
        return new ConversationAction(Kind.FORGET, contactId, null, null, by, null, at);
    }

    /** The passenger wrote STOP (or another opt-out word): no answer is sent to them any more. */
    public static ConversationAction optOut(String contactId, Instant at) {
        return new ConversationAction(Kind.OPT_OUT, contactId, null, null, PASSENGER, null, at);
    }

    /** The passenger wrote START (or another opt-in word) after opting out. */
    public static ConversationAction optIn(String contactId, Instant at) {
        return new ConversationAction(Kind.OPT_IN, contactId, null, null, PASSENGER, null, at);
    }

    /** The record value, without the contact (it is the key). */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode().put("action", kind.wireName());
        putIfSet(node, "conversationId", conversationId);
        putIfSet(node, "text", text);
        putIfSet(node, "by", by);
        putIfSet(node, "replyId", replyId);
        node.put("at", at.toString());
        return node.toString();
    }

    /**
     * Reads a record of feedback.conversation-actions.v1.
     *
     * @throws InvalidConversationActionException naming what is wrong, for the dead-letter record
     */
    public static ConversationAction read(String contactId, String json) {
        if (contactId == null || contactId.isBlank()) {
            throw new InvalidConversationActionException("the record has no key: it must be the contactId");
        }
        JsonNode node;
        try {
            node = json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidConversationActionException("the value is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidConversationActionException("the value must be a JSON object");
        }
        Kind kind = kind(text(node, "action"));
        Instant at = instant(text(node, "at"));
        String conversationId = text(node, "conversationId");
        String by = text(node, "by");
        String text = text(node, "text");
        String replyId = text(node, "replyId");
        if (kind == Kind.REPLY || kind == Kind.CLOSE) {
            require(conversationId, "conversationId", kind);
            require(by, "by", kind);
        }
        if (kind == Kind.REPLY) {
            require(text, "text", kind);
            require(replyId, "replyId", kind);
            if (text.length() > MOST_TEXT_CHARACTERS) {
                throw new InvalidConversationActionException("text must be at most " + MOST_TEXT_CHARACTERS
                        + " characters");
            }
        }
        return new ConversationAction(kind, contactId, conversationId, text, by, replyId, at);
    }

    private static Kind kind(String value) {
        if (value != null) {
            for (Kind kind : Kind.values()) {
                if (kind.wireName().equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
        }
        throw new InvalidConversationActionException("action must be reply, close, forget, opt-out or opt-in, was "
                + (value == null ? "missing" : "'" + value + "'"));
    }

    private static Instant instant(String value) {
        if (value == null) {
            throw new InvalidConversationActionException("at is required (an ISO-8601 instant)");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidConversationActionException("at must be an ISO-8601 instant, was '" + value + "'");
        }
    }

    private static void require(String value, String field, Kind kind) {
        if (value == null || value.isBlank()) {
            throw new InvalidConversationActionException(field + " is required for " + kind.wireName());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
