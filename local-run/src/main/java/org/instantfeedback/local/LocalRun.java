package org.instantfeedback.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.instantfeedback.config.Topics;
import org.instantfeedback.embedded.EmbeddedKafkaAndRegistry;
import org.instantfeedback.ingest.IngestApp;
import org.instantfeedback.ingest.config.IngestConfig;
import org.instantfeedback.local.simulator.PassengerTraffic;
import org.instantfeedback.local.simulator.PassengerTrafficSimulator;
import org.instantfeedback.local.simulator.RouteProfile;
import org.instantfeedback.streams.StreamsApp;
import org.instantfeedback.streams.config.StreamsAppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole pipeline on this machine: a real KRaft broker and a real schema registry (no
 * Docker), the topics, feedback-ingest and feedback-streams, and optionally a passenger-traffic
 * simulator. Runs until Ctrl-C, then shuts everything down in reverse order.
 *
 * <p>Run it with {@code ./run-local --simulate} from the repository root.
 */
public final class LocalRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);
    static final Map<String, Integer> TOPICS = Map.of(
            Topics.FEEDBACK_RECEIVED, 3,
            // Keyed like feedback.received.v1, with as many partitions.
            Topics.FEEDBACK_SCORED, 3,
            Topics.CSAT, 3,
            Topics.METRICS, 3,
            Topics.METRICS_LATEST, 3,
            Topics.ALERTS, 3,
            Topics.ALERT_ACTIONS, 3,
            // Rules are checked against each other in order, so they live on one partition.
            Topics.ALERT_RULES, 1,
            Topics.ALERT_RULES_ACCEPTED, 1,
            Topics.DEAD_LETTER, 1);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    /** The key the simulator's SMS gateway uses, unless the operator configured keys of their own. */
    static final String LOCAL_SMS_API_KEY = "local-simulator-key";

    private EmbeddedKafkaAndRegistry kafka;
    private String smsApiKey;
    private IngestApp ingest;
    private StreamsApp streams;

    private LocalRun() {
    }

    /**
     * Starts every part. The services read the same variables as in production ({@code env}), with
     * the broker and registry addresses pointed at the embedded ones.
     */
    public static LocalRun start(LocalRunOptions options, Map<String, String> env) {
        LocalRun run = new LocalRun();
        try {
            run.startAll(options, env);
            return run;
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    private void startAll(LocalRunOptions options, Map<String, String> env) {
        LOG.info("starting the Kafka broker on port {} and the schema registry on port {}",
                options.kafkaPort(), options.registryPort());
        kafka = remember(EmbeddedKafkaAndRegistry.start(options.kafkaPort(), options.registryPort()));
        kafka.createTopics(TOPICS, Topics.COMPACTED);

        Map<String, String> services = new HashMap<>(env);
        services.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        services.put("SCHEMA_REGISTRY_URL", kafka.schemaRegistryUrl());
        services.put(IngestConfig.HTTP_PORT, Integer.toString(options.ingestPort()));
        // No real phone numbers pass through a local run: a fixed development pseudonym key will do,
        // and the simulator sends from one address far faster than a passenger would.
        services.putIfAbsent(IngestConfig.LOCAL_MODE, "true");
        services.putIfAbsent(IngestConfig.RATE_LIMIT_ENABLED, "false");
        services.putIfAbsent(IngestConfig.SMS_API_KEYS, LOCAL_SMS_API_KEY);
        smsApiKey = services.get(IngestConfig.SMS_API_KEYS).split(",")[0].trim();
        services.put(StreamsAppConfig.STREAMS_HTTP_PORT, Integer.toString(options.streamsPort()));
        services.put(StreamsAppConfig.KAFKA_STATE_DIR, freshStateDir(options.stateDir()).toString());

        LOG.info("starting feedback-ingest");
        ingest = remember(IngestApp.create(IngestConfig.from(services)).start());
        LOG.info("starting feedback-streams");
        streams = remember(StreamsApp.create(StreamsAppConfig.from(services)));
        streams.start();
    }

    /**
     * The embedded broker starts empty every time, so state left by an earlier run describes topics
     * that no longer exist; Kafka Streams would have to detect that and throw it away. Start clean.
     */
    private static Path freshStateDir(Path stateDir) {
        Path dir = stateDir.toAbsolutePath();
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the state directory " + dir, e);
        }
    }

    private <T extends AutoCloseable> T remember(T part) {
        started.push(part);
        return part;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return kafka.schemaRegistryUrl();
    }

    public URI ingestUri() {
        return URI.create("http://localhost:" + ingest.port());
    }

    public URI streamsUri() {
        return URI.create("http://localhost:" + streams.port());
    }

    /** Starts the simulator and the CSAT board; both stop when the run closes. */
    PassengerTrafficSimulator simulate(double feedbackPerSecond) {
        PassengerTrafficSimulator simulator = remember(new PassengerTrafficSimulator(ingestUri(), smsApiKey,
                new PassengerTraffic(RouteProfile.demoRoutes(), System.nanoTime()), feedbackPerSecond));
        simulator.start();
        CsatBoard board = remember(new CsatBoard(streamsUri(),
                RouteProfile.demoRoutes().stream().map(RouteProfile::subject).toList()));
        board.start(Duration.ofSeconds(15));
        return simulator;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("could not stop {} cleanly: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println(LocalRunOptions.USAGE);
            return;
        }
        LocalRunOptions options;
        try {
            options = LocalRunOptions.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("local-run: " + e.getMessage());
            System.err.println(LocalRunOptions.USAGE);
            System.exit(2);
            return;
        }
        LocalRun run = LocalRun.start(options, System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping the local run ...");
            run.close();
            stopped.countDown();
        }, "local-run-shutdown"));
        System.out.println(Banner.of(run, options));
        if (options.simulate()) {
            run.simulate(options.feedbackPerSecond());
        }
        stopped.await();
    }
}
