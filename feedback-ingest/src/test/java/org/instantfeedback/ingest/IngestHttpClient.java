package org.instantfeedback.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Talks to a running IngestApp the way a client would: plain HTTP, no shortcuts. */
final class IngestHttpClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    IngestHttpClient(int port) {
        this.base = URI.create("http://localhost:" + port);
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    HttpResponse<String> postJson(String body, String... headers) {
        return post("application/json", body, headers);
    }

    HttpResponse<String> post(String contentType, String body, String... headers) {
        return postTo("/v1/feedback", contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** POSTs raw bytes to {@code path}; {@code headers} are name, value pairs. */
    HttpResponse<String> postTo(String path, String contentType, byte[] body, String... headers) {
        return send(request(path, contentType, body, headers));
    }

    HttpResponse<String> postTo(String path, String contentType, String body, String... headers) {
        return postTo(path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Sends without waiting for the answer, for tests that act while the request is in flight. */
    CompletableFuture<HttpResponse<String>> postJsonAsync(String body) {
        return http.sendAsync(request("/v1/feedback", "application/json", body.getBytes(StandardCharsets.UTF_8)),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return request.build();
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
