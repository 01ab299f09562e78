package org.instantfeedback.streams.feedback;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.CsatWindow;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.registry.MockSchemaRegistry;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.streams.StreamsTopology;
import org.instantfeedback.streams.config.StreamsAppConfig;
import org.instantfeedback.streams.csat.CsatWindowSpec;

/**
 * The application's topology ({@link StreamsTopology}, as the application builds it) in a {@link
 * TopologyTestDriver}, configured as the application configures it, on a mock schema registry of
 * its own that {@link #close()} drops: the set-up the topology tests share.
 */
public final class FeedbackTopologyDriver implements AutoCloseable {
    private static final String MOCK = "mock://";

    private final String registryScope;
    private final EventSerdes serdes;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, FeedbackReceived> feedback;
    private final TestOutputTopic<String, CsatWindow> csat;
    private final TestOutputTopic<String, CsatWindow> csatV2;

    /**
     * Settings for a fresh application id and mock registry, and {@code stateDir}; tests add
     * their own before they start a driver.
     */
    public static Map<String, String> settings(String name, Path stateDir) {
        Map<String, String> settings = new HashMap<>();
        settings.put("KAFKA_APPLICATION_ID", name + "-" + UUID.randomUUID());
        settings.put("KAFKA_STATE_DIR", stateDir.toString());
        settings.put("SCHEMA_REGISTRY_URL", MOCK + name + "-" + UUID.randomUUID());
        return settings;
    }

    /**
     * Drives the topology built from {@code settings} (made by {@link #settings}) with these
     * windows and scorer; the driver's wall clock starts at {@code wallClock}, or now when null.
     */
    public FeedbackTopologyDriver(Map<String, String> settings, CsatWindowSpec windows, TextScorer scorer,
                                  Instant wallClock) {
        this(settings, (config, serdes) -> StreamsTopology.build(StreamsTopology.Settings.of(config)
                .withCsatWindows(windows), () -> scorer, serdes, new SimpleMeterRegistry()), wallClock);
    }

    /** As above, with feedback.csat.v1 written or not, whatever {@code settings} say. */
    public FeedbackTopologyDriver(Map<String, String> settings, CsatWindowSpec windows, boolean csatV1Enabled,
                                  TextScorer scorer, Instant wallClock) {
        this(settings, (config, serdes) -> StreamsTopology.build(StreamsTopology.Settings.of(config)
                .withCsatWindows(windows).withCsatV1Enabled(csatV1Enabled), () -> scorer, serdes,
                new SimpleMeterRegistry()), wallClock);
    }

    /** Drives the topology {@code build} makes from the configuration and the serdes, as above. */
    public FeedbackTopologyDriver(Map<String, String> settings,
                                  BiFunction<StreamsAppConfig, EventSerdes, Topology> build, Instant wallClock) {
        StreamsAppConfig config = StreamsAppConfig.from(settings);
        registryScope = settings.get("SCHEMA_REGISTRY_URL").substring(MOCK.length());
        serdes = EventSerdes.forRegistry(config.registrySettings());
        Topology topology = build.apply(config, serdes);
        driver = wallClock == null
                ? new TopologyTestDriver(topology, config.streamsProperties())
                : new TopologyTestDriver(topology, config.streamsProperties(), wallClock);
        feedback = driver.createInputTopic(Topics.FEEDBACK_RECEIVED, new StringSerializer(),
                serdes.feedback().serializer());
        csat = driver.createOutputTopic(Topics.CSAT, new StringDeserializer(), serdes.csat().deserializer());
        csatV2 = driver.createOutputTopic(Topics.CSAT_V2, new StringDeserializer(), serdes.csat().deserializer());
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    public EventSerdes serdes() {
        return serdes;
    }

    public TestInputTopic<String, FeedbackReceived> feedback() {
        return feedback;
    }

    public TestOutputTopic<String, CsatWindow> csat() {
        return csat;
    }

    /** The current rolling windows published on feedback.csat.v2. */
    public TestOutputTopic<String, CsatWindow> csatV2() {
        return csatV2;
    }

    /** Pipes feedback keyed by its subject, written to Kafka when the ingest service received it. */
    public void send(FeedbackReceived event) {
        send(event, event.getReceivedAt());
    }

    /** Pipes feedback keyed by its subject, written to Kafka at {@code writtenAt}. */
    public void send(FeedbackReceived event, Instant writtenAt) {
        feedback.pipeInput(event.getSubject(), event, writtenAt);
    }

    /** The latest of the CSAT updates not read yet of the window starting at {@code windowStart}. */
    public CsatWindow lastUpdateOf(Instant windowStart) {
        return csat.readValuesToList().stream()
                .filter(window -> window.getWindowStart().equals(windowStart))
                .reduce((earlier, later) -> later)
                .orElseThrow(() -> new AssertionError("no update of the window starting " + windowStart));
    }

    /** The sum of the driver's metrics of this name over every task and processor. */
    public double metricTotal(String name) {
        return driver.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals(name))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
                .sum();
    }

    @Override
    public void close() {
        try {
            driver.close();
            serdes.close();
        } finally {
            MockSchemaRegistry.drop(registryScope);
        }
    }
}
