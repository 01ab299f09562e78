package org.instantfeedback.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints the current CSAT of the simulated routes every few seconds, read from the streams
 * app's query API exactly as a user would read it, so a newcomer sees the figures move.
 */
final class CsatBoard implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI streamsBaseUri;
    private final List<String> subjects;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "csat-board");
        thread.setDaemon(true);
        return thread;
    });

    CsatBoard(URI streamsBaseUri, List<String> subjects) {
        this.streamsBaseUri = streamsBaseUri;
        this.subjects = List.copyOf(subjects);
    }

    void start(Duration every) {
        scheduler.scheduleAtFixedRate(this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void print() {
        StringBuilder board = new StringBuilder(String.format(Locale.ROOT,
                "%nCSAT over the trailing window (GET %s/v1/subjects/{subject}/csat)%n", streamsBaseUri));
        for (String subject : subjects) {
            board.append(String.format(Locale.ROOT, "  %-16s %s%n", subject, figuresOf(subject)));
        }
        System.out.print(board);
    }

    private String figuresOf(String subject) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    streamsBaseUri.resolve("/v1/subjects/" + subject + "/csat")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "no figures yet (" + response.statusCode() + ")";
            }
            JsonNode figures = JSON.readTree(response.body());
            return String.format(Locale.ROOT, "CSAT %5.1f %%   average %.2f   %d ratings",
                    figures.path("csatPercent").asDouble(), figures.path("averageRating").asDouble(),
                    figures.path("ratedResponses").asLong());
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
