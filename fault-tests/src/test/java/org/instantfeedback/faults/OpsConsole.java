package org.instantfeedback.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What ops do in the console, through feedback-streams' conversations and handling API with a query
 * token. A request the API cannot answer yet (503 while its stores start or restore, no connection)
 * throws {@link NotAnswered}, which a wait that polls the API ignores; any other unexpected answer
 * fails with an {@link AssertionError}.
 */
final class OpsConsole {
    /** The API did not answer the request yet; asking again shortly is what a console does. */
    static final class NotAnswered extends RuntimeException {
        NotAnswered(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI streams;

    OpsConsole(URI streams) {
        this.streams = streams;
    }

    /** Every conversation, open, waiting and closed, without messages. */
    List<JsonNode> conversations() {
        JsonNode answer = ok(get("/v1/conversations?status=open,waiting,closed"));
        List<JsonNode> conversations = new ArrayList<>();
        answer.path("conversations").forEach(conversations::add);
        return conversations;
    }

    /** One conversation with its messages; empty when the API answers 404. */
    Optional<JsonNode> conversation(String conversationId) {
        HttpResponse<String> response = get("/v1/conversations/" + encoded(conversationId));
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(ok(response));
    }

    /** Answers the passenger; returns the reply's id. */
    String reply(String conversationId, String text, String by) {
        JsonNode accepted = accepted(post("/v1/conversations/" + encoded(conversationId) + "/replies",
                Map.of("text", text, "by", by)));
        return accepted.path("replyId").asText();
    }

    void close(String conversationId, String by) {
        accepted(post("/v1/conversations/" + encoded(conversationId) + "/close", Map.of("by", by)));
    }

    /** The handling figures of a subject, group or ops user over the window ending now ({@code current}). */
    JsonNode handling(String scope, String id, Duration window) {
        return ok(get("/v1/handling/" + scope + "/" + encoded(id) + "?window=" + window)).path("current");
    }

    private HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    private HttpResponse<String> post(String path, Map<String, String> body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(streams.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + Services.QUERY_TOKEN);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NotAnswered(request.method() + " " + request.uri() + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode ok(HttpResponse<String> response) {
        return body(response, 200);
    }

    private static JsonNode accepted(HttpResponse<String> response) {
        return body(response, 202);
    }

    private static JsonNode body(HttpResponse<String> response, int expected) {
        if (response.statusCode() == 503) {
            throw new NotAnswered(response.request().uri() + " answered 503: " + response.body(), null);
        }
        if (response.statusCode() != expected) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + " (expected " + expected + "): " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static String encoded(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
