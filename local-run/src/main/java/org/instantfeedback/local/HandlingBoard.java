package org.instantfeedback.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints how conversations with passengers are handled, every half minute, in one line: the
 * response times, service CSAT and the open and overdue conversations of the last hour, read from
 * the query API ({@code GET /v1/handling}) as a user would, so a newcomer sees them move as the
 * simulated ops answer.
 */
final class HandlingBoard implements AutoCloseable {
    static final String QUERY = "/v1/handling?scope=subject&window=PT1H";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI streamsBaseUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "handling-board");
        thread.setDaemon(true);
        return thread;
    });

    HandlingBoard(URI streamsBaseUri) {
        this.streamsBaseUri = streamsBaseUri;
    }

    void start(Duration every) {
        scheduler.scheduleAtFixedRate(this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void print() {
        System.out.println("Handling, last hour (GET " + streamsBaseUri.resolve(QUERY) + "): " + figures());
    }

    private String figures() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(streamsBaseUri.resolve(QUERY))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "no figures yet (" + response.statusCode() + ")";
            }
            return HandlingSummary.of(JSON.readTree(response.body()).path("entries")).line();
        } catch (IOException e) {
            return "streams app not answering: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
