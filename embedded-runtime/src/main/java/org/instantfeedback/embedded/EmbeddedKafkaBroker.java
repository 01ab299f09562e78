package org.instantfeedback.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.BrokerServer;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller combined in one node) running inside
 * this JVM, for tests and the local run. No Docker, no ZooKeeper. Its logs live in a temporary
 * directory that is deleted on {@link #close()}.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start()) {
 *     kafka.createTopics(Map.of("feedback.received.v1", 3));
 *     producerProps.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 *
 * <p>{@link #stop()} takes the broker down while its controller keeps the cluster metadata, and
 * {@link #restart()} brings it back on the same address with its data intact, so fault tests can
 * watch clients fail and recover.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /**
     * The TestKit pre-binds its own client listener to a port the OS picks; a fixed port needs a
     * listener of another name, which the broker binds itself.
     */
    private static final String FIXED_PORT_LISTENER = "CLIENT";
    private static final String TESTKIT_THREAD_PREFIX = "kafka-cluster-test-kit-";

    private final KafkaClusterTestKit cluster;
    private final Path dataDir;
    private final String bootstrapServers;
    private boolean running = true;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster, Path dataDir, ListenerName clientListener) {
        this.cluster = cluster;
        this.dataDir = dataDir;
        this.bootstrapServers = "localhost:" + broker().boundPort(clientListener);
    }

    /** Starts a broker on a port chosen by the operating system. */
    public static EmbeddedKafkaBroker start() {
        return start(0);
    }

    /**
     * Starts a broker whose clients connect to {@code localhost:port}; port 0 lets the operating
     * system choose a free one.
     */
    public static EmbeddedKafkaBroker start(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Kafka port must be between 0 and 65535, was " + port);
        }
        long startedAt = System.nanoTime();
        KafkaClusterTestKit cluster = null;
        Path dataDir = null;
        try {
            dataDir = Files.createTempDirectory("embedded-kafka-");
            TestKitNodes nodes = new TestKitNodes.Builder()
                    // Our own directory, deleted by close(): the TestKit's default one is deleted by a JVM
                    // shutdown hook that races the local run's own hook and fails the broker's last writes.
                    .setBaseDirectory(dataDir)
                    // The TestKit defaults to the newest, still unstable, metadata version.
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(false);
            singleNodeSettings().forEach(builder::setConfigProp);
            ListenerName clientListener = port == 0 ? nodes.brokerListenerName() : useFixedPort(builder, nodes, port);
            cluster = builder.build();
            KafkaThreadsStdout.redirectWhile(TESTKIT_THREAD_PREFIX, cluster::format);
            cluster.startup();
            cluster.waitForReadyBrokers();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(cluster, dataDir, clientListener);
            log.info("Kafka broker ready at {} after {} ms", broker.bootstrapServers, millisSince(startedAt));
            return broker;
        } catch (Exception e) {
            closeQuietly(cluster);
            deleteQuietly(dataDir);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String where = port == 0 ? "" : " on port " + port + " (is the port in use?)";
            throw new IllegalStateException("Could not start the embedded Kafka broker" + where, e);
        }
    }

    /** Where clients connect, e.g. {@code localhost:41234}; stays the same across {@link #restart()}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Creates the topics (name to partition count, replication factor 1). Topics that already exist
     * are left as they are, so calling this twice is fine.
     */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        TopicCreation.create(bootstrapServers, partitionsByTopic, Set.of(), Map.of());
    }

    /** Takes the broker down (clients see connection failures) until {@link #restart()}. */
    public synchronized void stop() {
        ensureOpen();
        if (running) {
            broker().shutdown();
            running = false;
            log.info("Kafka broker at {} stopped", bootstrapServers);
        }
    }

    /** Brings a stopped broker back on the same address (stopping it first if it is running). */
    public synchronized void restart() {
        ensureOpen();
        stop();
        long startedAt = System.nanoTime();
        try {
            broker().startup();
            cluster.waitForReadyBrokers();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka broker at " + bootstrapServers + " did not come back", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restarting the Kafka broker", e);
        }
        running = true;
        log.info("Kafka broker back at {} after {} ms", bootstrapServers, millisSince(startedAt));
    }

    /** Whether the broker currently accepts clients. */
    public synchronized boolean isRunning() {
        return running && !closed;
    }

    /** Shuts broker and controller down and deletes their data. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(cluster);
            deleteQuietly(dataDir);
            log.info("Kafka broker at {} closed", bootstrapServers);
        }
    }

    private BrokerServer broker() {
        return cluster.brokers().values().iterator().next();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Kafka broker at " + bootstrapServers + " is closed");
        }
    }

    private static Map<String, String> singleNodeSettings() {
        return Map.ofEntries(
                Map.entry("offsets.topic.replication.factor", "1"),
                // Fewer internal partitions: the coordinators load faster and tests start sooner.
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("num.partitions", "1"),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Production-grade APIs and features only, like the brokers the services meet in production.
                Map.entry("unstable.api.versions.enable", "false"),
                Map.entry("unstable.feature.versions.enable", "false"),
                // A restarted broker may register again only once its previous session has expired: short
                // enough for quick restarts, long enough not to fence a busy broker on a loaded machine.
                Map.entry("broker.heartbeat.interval.ms", "500"),
                Map.entry("broker.session.timeout.ms", "6000"));
    }

    private static ListenerName useFixedPort(KafkaClusterTestKit.Builder builder, TestKitNodes nodes, int port) {
        String controller = nodes.controllerListenerName().value();
        builder.setConfigProp("listeners",
                FIXED_PORT_LISTENER + "://localhost:" + port + "," + controller + "://localhost:0");
        builder.setConfigProp("listener.security.protocol.map",
                FIXED_PORT_LISTENER + ":PLAINTEXT," + controller + ":" + nodes.controllerListenerProtocol().name);
        builder.setConfigProp("inter.broker.listener.name", FIXED_PORT_LISTENER);
        return ListenerName.normalised(FIXED_PORT_LISTENER);
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            log.warn("Kafka broker did not shut down cleanly", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete the broker's data in {}: {}", dir, e.toString());
        }
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }
}
