package org.instantfeedback.streams.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance for its part of an answer, on its internal read paths (which never
 * forward again, so requests cannot loop). Passes the caller's credentials on, and marks the
 * request as forwarded ({@value #FORWARDED_HEADER}), so logs and metrics tell the two apart.
 */
public final class PeerClient {
    public static final String FORWARDED_HEADER = "X-Feedback-Forwarded";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json;
    private final String scheme;

    /** @param scheme http or https, as this instance is reached (all instances are reached alike) */
    public PeerClient(ObjectMapper json, String scheme) {
        this.json = json;
        this.scheme = scheme;
    }

    /**
     * GETs {@code pathAndQuery} (already encoded) from the instance at {@code host}.
     *
     * @return empty when the instance answers 404
     * @throws QueryUnavailableException when it does not answer, or answers anything but 200 or 404
     */
    public <T> Optional<T> get(HostInfo host, String pathAndQuery, TypeReference<T> type, String authorization) {
        URI uri = URI.create(scheme + "://" + host.host() + ":" + host.port() + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header(FORWARDED_HEADER, "true")
                .header("Accept", "application/json")
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new QueryUnavailableException("the instance at " + host.host() + ":" + host.port()
                    + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryUnavailableException("interrupted while asking " + host.host() + ":" + host.port(), e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new QueryUnavailableException("the instance at " + host.host() + ":" + host.port() + " answered "
                    + response.statusCode());
        }
        try {
            return Optional.of(json.readValue(response.body(), type));
        } catch (IOException e) {
            throw new QueryUnavailableException("the instance at " + host.host() + ":" + host.port()
                    + " answered something unreadable", e);
        }
    }
}
