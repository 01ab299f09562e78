package org.instantfeedback.streams.query;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The read paths instances ask one another on. Each answers from the asked instance's own stores
 * only and never forwards, so no request goes round in circles.
 */
public final class InternalPaths {
    public static final String METRICS = "/internal/v1/metrics";
    public static final String ALERTS = "/internal/v1/alerts";
    public static final String SERIES = "/internal/v1/series";
    public static final String CSAT = "/internal/v1/csat";
    public static final String ALERT = "/internal/v1/alert";
    public static final String CONVERSATIONS = "/internal/v1/conversations";
    public static final String CONVERSATION = "/internal/v1/conversation";
    public static final String HANDLING = "/internal/v1/handling";
    public static final String HANDLING_LIST = "/internal/v1/handling-list";

    private InternalPaths() {
    }

    static String partitions(String path, Set<Integer> partitions) {
        return path + "?partitions=" + partitions.stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(","));
    }

    static String series(String key, Instant at) {
        return SERIES + "?key=" + encode(key) + (at == null ? "" : "&at=" + at);
    }

    static String csat(String subject, Instant at) {
        return CSAT + "?subject=" + encode(subject) + "&at=" + at;
    }

    static String alert(String alertId) {
        return ALERT + "?alertId=" + encode(alertId);
    }

    /**
     * The conversations of these partitions holding one of these messages: {@code messages} is the
     * ids, each URL-encoded and joined by commas, encoded once more as the parameter's value, so an
     * id with a comma in it stays one id ({@link #messageIds} reads it back).
     */
    static String conversationsHolding(Set<Integer> partitions, Set<String> messageIds) {
        return partitions(CONVERSATIONS, partitions) + "&messages=" + encode(messageIds.stream().sorted()
                .map(InternalPaths::encode).collect(Collectors.joining(",")));
    }

    /** The message ids of a {@code messages} parameter's value (as the server decoded it once). */
    public static Set<String> messageIds(String value) {
        return Arrays.stream(value.split(",")).filter(id -> !id.isEmpty())
                .map(id -> URLDecoder.decode(id, StandardCharsets.UTF_8)).collect(Collectors.toSet());
    }

    static String conversation(String conversationId) {
        return CONVERSATION + "?conversationId=" + encode(conversationId);
    }

    static String handling(String key, Duration window, Instant at) {
        return HANDLING + "?key=" + encode(key) + "&window=" + window + (at == null ? "" : "&at=" + at);
    }

    static String handlingList(String scope, Duration window, Set<Integer> partitions) {
        return partitions(HANDLING_LIST, partitions) + "&scope=" + encode(scope) + "&window=" + window;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
