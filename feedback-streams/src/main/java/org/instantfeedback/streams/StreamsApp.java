package org.instantfeedback.streams;

import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.streams.config.StreamsAppConfig;
import org.instantfeedback.streams.csat.CsatQueries;
import org.instantfeedback.streams.feedback.EventSerdes;
import org.instantfeedback.streams.feedback.FeedbackTopology;
import org.instantfeedback.streams.http.HttpApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * feedback-streams, wired: the topology (deduplication, text scoring, CSAT, rolling metrics and
 * alerts) running in Kafka Streams and the HTTP API that serves the CSAT store, health and metrics
 * (alert handling times included). {@link #create} builds everything and starts nothing, so tests
 * and {@link StreamsMain} decide when (and on which port) it runs.
 */
public final class StreamsApp implements AutoCloseable {
    /** How long close() waits for Kafka Streams to commit and leave; beyond it the process just goes. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(StreamsApp.class);

    private final StreamsAppConfig config;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final JvmGcMetrics gcMetrics;
    private final PrometheusMeterRegistry metrics;
    private final Javalin http;
    private final EventSerdes serdes;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StreamsApp(StreamsAppConfig config, KafkaStreams streams, KafkaStreamsMetrics streamsMetrics,
                       JvmGcMetrics gcMetrics, PrometheusMeterRegistry metrics, Javalin http,
                       EventSerdes serdes) {
        this.config = config;
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
        this.gcMetrics = gcMetrics;
        this.metrics = metrics;
        this.http = http;
        this.serdes = serdes;
    }

    /**
     * Builds the text scorer (a few seconds: lexicons and language model), the topology, Kafka
     * Streams, the metrics and the HTTP API; starts nothing.
     *
     * @throws org.instantfeedback.scoring.ScoringConfigException when the scoring extension file
     *                                                           cannot be used (names file and line)
     */
    public static StreamsApp create(StreamsAppConfig config) {
        TextScorer scorer = textScorer(config);
        EventSerdes serdes = EventSerdes.forRegistry(config.registrySettings());
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.config().commonTags("application", config.applicationId());
        Topology topology = FeedbackTopology.buildTopology(config.csatWindows(), config.dedupeHorizon(), scorer, serdes,
                config.alerting(), metrics);
        log.debug("Topology:\n{}", topology.describe());

        KafkaStreams streams = new KafkaStreams(topology, config.streamsProperties());
        // Bound at once, so the Kafka Streams meters exist from the first scrape, also while starting.
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics);
        JvmGcMetrics gcMetrics = bindJvmMetrics(metrics);
        watch(streams);

        Javalin http = HttpApi.create(CsatQueries.of(streams, config.csatWindows()), streams::state, metrics,
                Clock.systemUTC());
        return new StreamsApp(config, streams, streamsMetrics, gcMetrics, metrics, http, serdes);
    }

    /** One scorer for the whole app: immutable and thread-safe, shared by every stream thread. */
    public static TextScorer textScorer(StreamsAppConfig config) {
        TextScorer.Builder builder = TextScorer.builder();
        config.scoringConfigFile().ifPresent(builder::extension);
        TextScorer scorer = builder.build();
        log.info("Scoring texts with {}{}", scorer,
                config.scoringConfigFile().map(file -> ", extended by " + file).orElse(""));
        return scorer;
    }

    /** Starts the HTTP API (first, so a taken port fails before joining the group), then Kafka Streams. */
    public void start() {
        http.start(config.httpPort());
        streams.start();
        log.info("feedback-streams (application.id {}) started: HTTP on port {}, Kafka at {}, registry at {}",
                config.applicationId(), port(), config.bootstrapServers(),
                SchemaRegistrySettings.printable(config.schemaRegistryUrl()));
    }

    /** The port the HTTP API listens on, once started. */
    public int port() {
        return http.port();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Stops the HTTP API, then Kafka Streams (committing what it processed), within a timeout. The
     * local state stays on disk, so the next start resumes instead of restoring from the changelog.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop();
        if (!streams.close(CLOSE_TIMEOUT)) {
            log.warn("Kafka Streams did not shut down within {}", CLOSE_TIMEOUT);
        }
        streamsMetrics.close();
        gcMetrics.close();
        serdes.close();
        metrics.close();
        log.info("feedback-streams (application.id {}) stopped", config.applicationId());
    }

    private static JvmGcMetrics bindJvmMetrics(PrometheusMeterRegistry metrics) {
        new ClassLoaderMetrics().bindTo(metrics);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(metrics);
        return gcMetrics;
    }

    private static void watch(KafkaStreams streams) {
        streams.setStateListener((newState, oldState) ->
                log.info("Kafka Streams went from {} to {}", oldState, newState));
        // A failing stream thread (registry unreachable while writing, a broker hiccup outlasting
        // the client's retries) is replaced rather than leaving the app without threads; under
        // exactly-once its open transaction is aborted, so nothing is counted twice.
        streams.setUncaughtExceptionHandler(e -> {
            log.error("A Kafka Streams thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }
}
