package org.instantfeedback.streams.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.instantfeedback.service.problem.ProblemException;

/** Reading a request's body and parameters, with the one problem shape every route answers mistakes with. */
final class RequestParts {
    private RequestParts() {
    }

    /** The body as a JSON object; anything else is a 400 that shows {@code example}. */
    static JsonNode body(Context ctx, ObjectMapper json, String example) {
        String body = ctx.body();
        try {
            JsonNode node = body.isBlank() ? null : json.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // answered below
        }
        throw QueryProblems.invalidRequest("body", "must be a JSON object such as " + example);
    }

    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** An ISO-8601 instant parameter, or null when absent. */
    static Instant instant(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw QueryProblems.invalidRequest(name, "must be an ISO-8601 instant such as 2024-05-01T12:00:00Z");
        }
        if (instant.isBefore(Instant.EPOCH)) {
            throw QueryProblems.invalidRequest(name, "must not be before 1970-01-01T00:00:00Z");
        }
        return instant;
    }

    /** The {@code window} parameter, one of the windows figures are kept for; absent: the first of them. */
    static Duration window(Context ctx, List<Duration> windows) {
        String value = ctx.queryParam("window");
        if (value == null || value.isBlank()) {
            return windows.get(0);
        }
        try {
            Duration window = Duration.parse(value.strip());
            if (windows.contains(window)) {
                return window;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw QueryProblems.invalidRequest("window", "must be one of " + windows);
    }

    static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            throw QueryProblems.invalidRequest(name, "is required");
        }
        return value;
    }

    /** The partitions an instance is asked for on the internal paths. */
    static Set<Integer> partitions(Context ctx) {
        try {
            return new TreeSet<>(Arrays.stream(required(ctx, "partitions").split(","))
                    .map(String::strip).map(Integer::valueOf).toList());
        } catch (NumberFormatException e) {
            throw QueryProblems.invalidRequest("partitions", "must be partition numbers separated by commas");
        }
    }

    /** The answer of an internal path for a key this instance does not hold. */
    static ProblemException notHere() {
        return QueryProblems.notFound("not-found", "Not found", "This instance has nothing under that key.");
    }
}
