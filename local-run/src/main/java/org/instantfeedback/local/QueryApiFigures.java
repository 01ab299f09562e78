package org.instantfeedback.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/**
 * Reads the streams app's query API for the boards, as a user would: the figures a GET answers, in
 * one line of text, or why there are none yet.
 */
final class QueryApiFigures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI streamsBaseUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    QueryApiFigures(URI streamsBaseUri) {
        this.streamsBaseUri = streamsBaseUri;
    }

    URI uri(String pathAndQuery) {
        return streamsBaseUri.resolve(pathAndQuery);
    }

    /** What {@code line} makes of the answer to {@code GET pathAndQuery}; a reason when there is none. */
    String read(String pathAndQuery, Function<JsonNode, String> line) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(pathAndQuery))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "no figures yet (" + response.statusCode() + ")";
            }
            return line.apply(JSON.readTree(response.body()));
        } catch (IOException e) {
            return "streams app not answering: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
