package org.instantfeedback.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Asks every live feedback-streams instance for a subject's CSAT, the way a dashboard polls, and
 * sorts the answers: figures (200), no figures yet (404), "busy, ask again" (503 with Retry-After,
 * as during a rebalance) all count as answering; any other status, a 503 without Retry-After, or no
 * answer within the timeout does not.
 */
final class CsatQueryProbe implements Runnable {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Supplier<List<Integer>> livePorts;
    private final List<String> subjects;
    private final AtomicLong round = new AtomicLong();
    final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    final List<String> failures = new CopyOnWriteArrayList<>();

    CsatQueryProbe(Supplier<List<Integer>> livePorts, List<String> subjects) {
        this.livePorts = livePorts;
        this.subjects = subjects;
    }

    @Override
    public void run() {
        String subject = subjects.get((int) (round.getAndIncrement() % subjects.size()));
        for (int port : livePorts.get()) {
            ask(port, subject);
        }
    }

    long answered() {
        return answers.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private void ask(int port, String subject) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/subjects/" + subject + "/csat"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + Services.QUERY_TOKEN)
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            boolean retryLater = status == 503 && response.headers().firstValue("Retry-After").isPresent();
            if (status == 200 || status == 404 || retryLater) {
                answers.computeIfAbsent(Integer.toString(status), key -> new AtomicLong()).incrementAndGet();
            } else {
                failures.add("port " + port + ": " + status + " " + response.body());
            }
        } catch (IOException e) {
            // The test lists only instances that are up, so no answer at all is a failure too.
            failures.add("port " + port + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
