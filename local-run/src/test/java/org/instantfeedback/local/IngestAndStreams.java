package org.instantfeedback.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.ingest.IngestApp;
import org.instantfeedback.ingest.config.HttpSettings;
import org.instantfeedback.ingest.config.IngestConfig;
import org.instantfeedback.ingest.config.PseudonymSettings;
import org.instantfeedback.streams.StreamsApp;
import org.instantfeedback.streams.config.StreamsAppConfig;

/**
 * Ingest and feedback-streams running in the test's JVM on the test's broker and registry, on
 * ports the OS chooses, as the end-to-end tests of this module start them.
 */
final class IngestAndStreams implements AutoCloseable {
    private final HttpClient http = HttpClient.newHttpClient();
    private final IngestApp ingest;
    private final StreamsApp streams;

    private IngestAndStreams(IngestApp ingest, StreamsApp streams) {
        this.ingest = ingest;
        this.streams = streams;
    }

    /**
     * The settings both services read: the broker and registry, free ports, ingest in local mode,
     * and a fresh application id and state directory for feedback-streams. The local run's topics
     * are created. Tests add their own (API access, rate limits) before {@link #start}.
     */
    static Map<String, String> settings(KafkaAndRegistry kafka, String applicationId, Path stateDir) {
        kafka.createTopics(LocalRun.TOPICS);
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", kafka.schemaRegistryUrl());
        env.put(HttpSettings.HTTP_PORT.name(), "0");
        env.put(PseudonymSettings.LOCAL_MODE.name(), "true");
        env.put(StreamsAppConfig.STREAMS_HTTP_PORT, "0");
        env.put(StreamsAppConfig.KAFKA_APPLICATION_ID, applicationId + "-" + UUID.randomUUID());
        env.put(StreamsAppConfig.KAFKA_STATE_DIR, stateDir.toString());
        return env;
    }

    static IngestAndStreams start(Map<String, String> settings) {
        IngestApp ingest = IngestApp.create(IngestConfig.from(settings)).start();
        try {
            StreamsApp streams = StreamsApp.create(StreamsAppConfig.from(settings));
            streams.start();
            return new IngestAndStreams(ingest, streams);
        } catch (RuntimeException e) {
            ingest.close();
            throw e;
        }
    }

    IngestApp ingest() {
        return ingest;
    }

    StreamsApp streams() {
        return streams;
    }

    URI streamsUri(String path) {
        return URI.create("http://localhost:" + streams.port() + path);
    }

    /** Posts feedback as JSON to ingest's {@code /v1/feedback}, with the given header names and values. */
    HttpResponse<String> postFeedback(String json, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + ingest.port() + "/v1/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getFromStreams(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(streamsUri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            streams.close();
        } finally {
            ingest.close();
        }
    }
}
