package org.instantfeedback.benchmarks.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.EmbeddedKafkaAndRegistry;
import org.instantfeedback.ingest.IngestApp;
import org.instantfeedback.ingest.config.HttpSettings;
import org.instantfeedback.ingest.config.IngestConfig;
import org.instantfeedback.ingest.config.PseudonymSettings;
import org.instantfeedback.ingest.config.PublishSettings;
import org.instantfeedback.ingest.config.RateLimitSettings;
import org.instantfeedback.streams.StreamsApp;
import org.instantfeedback.streams.config.StreamsAppConfig;

/**
 * A real KRaft broker and a real schema registry on this machine (as local-run starts them), with
 * the pipeline's topics, and the two services started on them in this JVM the way local-run does.
 */
final class Pipeline implements AutoCloseable {
    /** As local-run creates them. */
    private static final Map<String, Integer> TOPICS = Map.ofEntries(
            Map.entry(Topics.FEEDBACK_RECEIVED, 3), Map.entry(Topics.FEEDBACK_SCORED, 3), Map.entry(Topics.CSAT, 3),
            Map.entry(Topics.CSAT_V2, 3), Map.entry(Topics.METRICS, 3), Map.entry(Topics.METRICS_LATEST, 3),
            Map.entry(Topics.ALERTS, 3), Map.entry(Topics.ALERT_ACTIONS, 3), Map.entry(Topics.ALERT_RULES, 1),
            Map.entry(Topics.ALERT_RULES_ACCEPTED, 1), Map.entry(Topics.DEAD_LETTER, 1),
            // Sources of the conversations: the topology does not start without them.
            Map.entry(Topics.CONVERSATION_ACTIONS, 3), Map.entry(Topics.REPLY_STATUS, 3));

    private final EmbeddedKafkaAndRegistry kafka;
    private final Path workDir;

    private Pipeline(EmbeddedKafkaAndRegistry kafka, Path workDir) {
        this.kafka = kafka;
        this.workDir = workDir;
    }

    static Pipeline start(Path workDir) throws Exception {
        EmbeddedKafkaAndRegistry kafka = EmbeddedKafkaAndRegistry.start();
        try {
            kafka.createTopics(TOPICS, Topics.COMPACTED);
            // The streams events are placed in January 2026, the same every run. Under the broker's
            // 7-day retention their segments, and the outputs stamped with their times, would be
            // deleted part-way through a run, and a reader sent back to the log start lands at the end.
            try (KafkaTopics topics = new KafkaTopics(kafka.bootstrapServers())) {
                topics.keepForever(TOPICS.keySet());
            }
            return new Pipeline(kafka, workDir);
        } catch (Exception e) {
            kafka.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    String schemaRegistryUrl() {
        return kafka.schemaRegistryUrl();
    }

    KafkaTopics topics() {
        return new KafkaTopics(bootstrapServers());
    }

    KafkaClients clients() {
        return new KafkaClients(bootstrapServers(), schemaRegistryUrl());
    }

    /** feedback-ingest on a port the OS chooses, rate limits off, acks=all and idempotence as in production. */
    IngestApp startIngest() {
        Map<String, String> env = new HashMap<>();
        env.put(HttpSettings.HTTP_PORT.name(), "0");
        env.put(PublishSettings.KAFKA_BOOTSTRAP_SERVERS.name(), bootstrapServers());
        env.put(PublishSettings.SCHEMA_REGISTRY_URL.name(), schemaRegistryUrl());
        env.put(PseudonymSettings.LOCAL_MODE.name(), "true");
        env.put(RateLimitSettings.RATE_LIMIT_ENABLED.name(), "false");
        return IngestApp.create(IngestConfig.from(env)).start();
    }

    /**
     * feedback-streams with its own application id and a fresh state directory, two stream threads
     * (one per core here), and {@code overrides} (variable, value pairs) on top; not started.
     */
    /**
     * The switch of the deprecated feedback.csat.v1: the drains and the end-to-end run set it off,
     * the topology as it runs once v1 is gone; one drain keeps it on, as this release's default.
     */
    static final String CSAT_V1_ENABLED = "CSAT_V1_ENABLED";

    StreamsApp createStreams(String applicationId, String... overrides) {
        Map<String, String> env = new HashMap<>();
        env.put(StreamsAppConfig.KAFKA_BOOTSTRAP_SERVERS, bootstrapServers());
        env.put(StreamsAppConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl());
        env.put(StreamsAppConfig.STREAMS_HTTP_PORT, "0");
        env.put(StreamsAppConfig.KAFKA_APPLICATION_ID, applicationId);
        env.put(StreamsAppConfig.KAFKA_STATE_DIR, stateDir(applicationId).toString());
        env.put("KAFKA_NUM_STREAM_THREADS", "2");
        // The query API listens on localhost for this run only; the benchmark reads it without credentials.
        env.put("STREAMS_API_AUTH", "none");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return StreamsApp.create(StreamsAppConfig.from(env));
    }

    Path stateDir(String applicationId) {
        return workDir.resolve("state").resolve(applicationId);
    }

    Path workDir() {
        return workDir;
    }

    static long sizeOf(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        kafka.close();
    }
}
