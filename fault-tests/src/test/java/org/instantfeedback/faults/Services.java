package org.instantfeedback.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.ingest.IngestApp;
import org.instantfeedback.ingest.config.HttpSettings;
import org.instantfeedback.ingest.config.IngestConfig;
import org.instantfeedback.ingest.config.PseudonymSettings;
import org.instantfeedback.ingest.config.PublishSettings;
import org.instantfeedback.ingest.config.RateLimitSettings;
import org.instantfeedback.streams.StreamsApp;
import org.instantfeedback.streams.config.StreamsAppConfig;

/** The services configured as operators configure them (environment variables), on OS-chosen ports. */
final class Services {
    /** The bearer token the query API of every streams instance here accepts (STREAMS_API_TOKENS). */
    static final String QUERY_TOKEN = "fault-tests-query-token-5d0c2a71";

    private Services() {
    }

    /** feedback-ingest with rate limits off (the load comes from few clients) and a real pseudonym secret. */
    static Map<String, String> ingestEnv(KafkaAndRegistry kafka, String registryUrl) {
        Map<String, String> env = new HashMap<>();
        env.put(HttpSettings.HTTP_PORT.name(), "0");
        env.put(PublishSettings.KAFKA_BOOTSTRAP_SERVERS.name(), kafka.bootstrapServers());
        env.put(PublishSettings.SCHEMA_REGISTRY_URL.name(), registryUrl);
        env.put(PseudonymSettings.PSEUDONYM_SECRET.name(), "fault-tests-only-pseudonym-secret-0123456789");
        env.put(RateLimitSettings.RATE_LIMIT_ENABLED.name(), "false");
        env.put(PublishSettings.PUBLISH_TIMEOUT_MS.name(), "2000");
        env.put(PublishSettings.RETRY_AFTER_SECONDS.name(), "1");
        return env;
    }

    static IngestApp startIngest(Map<String, String> env) {
        return IngestApp.create(IngestConfig.from(env)).start();
    }

    /** feedback-streams on its default windows, with its own state directory under {@code dir}. */
    static Map<String, String> streamsEnv(KafkaAndRegistry kafka, String registryUrl, String applicationId, Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put(StreamsAppConfig.STREAMS_HTTP_PORT, "0");
        env.put(StreamsAppConfig.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        env.put(StreamsAppConfig.SCHEMA_REGISTRY_URL, registryUrl);
        env.put(StreamsAppConfig.KAFKA_APPLICATION_ID, applicationId);
        env.put("STREAMS_API_AUTH", "token");
        env.put("STREAMS_API_TOKENS", QUERY_TOKEN);
        try {
            env.put(StreamsAppConfig.KAFKA_STATE_DIR, Files.createDirectories(dir).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }

    static StreamsApp startStreams(Map<String, String> env) {
        StreamsApp app = StreamsApp.create(StreamsAppConfig.from(env));
        app.start();
        return app;
    }
}
