package org.instantfeedback.streams.csat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.streams.StreamsApp;
import org.instantfeedback.streams.StreamsOnBroker;
import org.junit.jupiter.api.Test;

/**
 * The CSAT slice store is read at once by the feedback.csat.v2 publisher (on the stream thread,
 * while the store's record cache is flushing at each commit) and by query API threads. Ratings
 * stream in while four threads ask for the subjects' CSAT without pause: every query is answered
 * within its timeout, and at the end the answers count every rating. A lock-order deadlock between
 * the two readers (see {@link CsatSlices#window}) shows here as a query that never returns and a
 * stream thread that stops.
 */
@WithKafkaAndRegistry
class CsatQueriesUnderLoadIT {
    private static final Duration LOAD = Duration.ofSeconds(20);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);
    private static final String TOKEN = "csat-under-load";
    private static final int SUBJECTS = 4;
    private static final int QUERY_THREADS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void queries_and_the_publisher_read_the_slices_together_without_stalling(KafkaAndRegistry kafka) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> subjects = IntStream.range(0, SUBJECTS).mapToObj(i -> "route-load-" + run + "-" + i).toList();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong answered = new AtomicLong();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService askers = Executors.newFixedThreadPool(QUERY_THREADS);
        try (StreamsOnBroker streams = new StreamsOnBroker(kafka)) {
            StreamsApp app = streams.start("csat-under-load-" + run, Map.of("STREAMS_API_TOKENS", TOKEN));
            await("running").atMost(Duration.ofMinutes(2)).until(() -> app.state() == KafkaStreams.State.RUNNING);
            for (int t = 0; t < QUERY_THREADS; t++) {
                int offset = t;
                askers.submit(() -> {
                    for (int i = offset; loading.get(); i++) {
                        String subject = subjects.get(i % SUBJECTS);
                        try {
                            int status = http.send(request(app, subject), HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (status == 200 || status == 404 || status == 503) {
                                answered.incrementAndGet();
                            } else {
                                failures.add(subject + ": " + status);
                            }
                        } catch (Exception e) {
                            failures.add(subject + ": " + e);
                        }
                    }
                });
            }
            long end = System.nanoTime() + LOAD.toNanos();
            try (KafkaProducer<String, FeedbackReceived> producer = streams.feedbackProducer()) {
                for (int i = 0; System.nanoTime() < end && failures.isEmpty(); i++) {
                    String subject = subjects.get(i % SUBJECTS);
                    StreamsOnBroker.send(producer, Feedback.stars(subject, 1 + i % 5, Instant.now()));
                    sent.computeIfAbsent(subject, s -> new AtomicLong()).incrementAndGet();
                }
            }
            loading.set(false);
            askers.shutdown();
            assertThat(askers.awaitTermination(QUERY_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS))
                    .as("every query thread finished its last query").isTrue();
            assertThat(failures).as("queries without an answer").isEmpty();
            assertThat(answered.get()).as("queries answered").isGreaterThan(100);
            for (String subject : subjects) {
                await("every rating of " + subject + " counted").atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                    HttpResponse<String> response = http.send(request(app, subject), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    assertThat(JSON.readTree(response.body()).path("ratedResponses").asLong())
                            .isEqualTo(sent.get(subject).get());
                });
            }
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        } finally {
            askers.shutdownNow();
        }
    }

    private static HttpRequest request(StreamsApp app, String subject) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/v1/subjects/" + subject + "/csat"))
                .header("Authorization", "Bearer " + TOKEN).timeout(QUERY_TIMEOUT).build();
    }
}
