package org.instantfeedback.streams;

import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.service.telemetry.ServiceTelemetry;
import org.instantfeedback.streams.config.RegistryStartupCheck;
import org.instantfeedback.streams.config.StreamsAppConfig;
import org.instantfeedback.streams.csat.CsatQueries;
import org.instantfeedback.streams.dashboard.DashboardRoutes;
import org.instantfeedback.streams.dashboard.LiveUpdates;
import org.instantfeedback.streams.feedback.EventSerdes;
import org.instantfeedback.streams.http.ApiSettings;
import org.instantfeedback.streams.http.QueryHttpApi;
import org.instantfeedback.streams.conversations.ConversationTopology;
import org.instantfeedback.streams.handling.HandlingTopology;
import org.instantfeedback.streams.http.AlertConversationRoutes;
import org.instantfeedback.streams.http.ConversationRoutes;
import org.instantfeedback.streams.http.HandlingRoutes;
import org.instantfeedback.streams.query.ActionRecords;
import org.instantfeedback.streams.query.AlertActions;
import org.instantfeedback.streams.query.ConversationActions;
import org.instantfeedback.streams.query.ConversationQueries;
import org.instantfeedback.streams.query.HandlingQueries;
import org.instantfeedback.streams.query.LocalHandling;
import org.instantfeedback.streams.query.LocalConversations;
import org.instantfeedback.streams.query.KafkaStreamsLocator;
import org.instantfeedback.streams.query.LocalReads;
import org.instantfeedback.streams.query.PeerClient;
import org.instantfeedback.streams.query.QueryService;
import org.instantfeedback.streams.query.QueryUnavailableException;
import org.instantfeedback.streams.query.StoreLocator;
import org.instantfeedback.streams.textmodel.ActiveTextModel;
import org.instantfeedback.streams.textmodel.TextModelLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * feedback-streams, wired: the topology ({@link StreamsTopology}: deduplication, text scoring, CSAT,
 * rolling metrics and alerts, and the stores of the query API) running in Kafka Streams, and the
 * HTTP API that serves the query API, health and metrics (alert handling times included).
 * {@link #create} builds everything and starts nothing, so tests and {@link StreamsMain} decide
 * when (and on which port) it runs. Kafka Streams itself is made in {@link #start}: it must be told
 * this instance's address ({@code application.server}), whose port is only known once the HTTP API
 * listens.
 */
public final class StreamsApp implements AutoCloseable {
    /** How long close() waits for Kafka Streams to commit and leave; beyond it the process just goes. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(StreamsApp.class);

    private final StreamsAppConfig config;
    private final Topology topology;
    private final RunningParts running;
    private final ServiceTelemetry telemetry;
    private final PrometheusMeterRegistry metrics;
    private final Javalin http;
    private final EventSerdes serdes;
    private final LiveUpdates live;
    private final TextModelLoop textModels;
    private final AtomicBoolean closed = new AtomicBoolean();
    private KafkaStreamsMetrics streamsMetrics;

    private StreamsApp(StreamsAppConfig config, Topology topology, RunningParts running, ServiceTelemetry telemetry,
                       Javalin http, EventSerdes serdes, LiveUpdates live, TextModelLoop textModels) {
        this.config = config;
        this.topology = topology;
        this.running = running;
        this.telemetry = telemetry;
        this.metrics = telemetry.registry();
        this.http = http;
        this.serdes = serdes;
        this.live = live;
        this.textModels = textModels;
    }

    /** What exists only once the app runs, read by the HTTP API as it answers. */
    private static final class RunningParts {
        private final AtomicReference<KafkaStreams> streams = new AtomicReference<>();
        private final AtomicReference<Producer<String, String>> actionsProducer = new AtomicReference<>();
        private final AtomicReference<HostInfo> self = new AtomicReference<>(HostInfo.unavailable());

        KafkaStreams.State state() {
            KafkaStreams current = streams.get();
            return current == null ? KafkaStreams.State.CREATED : current.state();
        }

        int partitionCount(String topic) {
            Producer<String, String> producer = actionsProducer.get();
            if (producer == null) {
                throw new QueryUnavailableException("the service is still starting");
            }
            return producer.partitionsFor(topic).size();
        }
    }

    /**
     * Builds the text scorer (a few seconds: lexicons and language model), the topology, Kafka
     * Streams, the metrics and the HTTP API; starts nothing.
     *
     * @throws org.instantfeedback.scoring.ScoringConfigException when the scoring extension file
     *                                                           cannot be used (names file and line)
     * @throws IllegalArgumentException when the query API asks for credentials but none are configured
     */
    public static StreamsApp create(StreamsAppConfig config) {
        ApiSettings api = config.api().requireCredentials();
        ActiveTextModel scorer = new ActiveTextModel(textScorer(config));
        EventSerdes serdes = EventSerdes.forRegistry(config.registrySettings());
        ServiceTelemetry telemetry = ServiceTelemetry.create(config.applicationId());
        PrometheusMeterRegistry metrics = telemetry.registry();
        scorer.bindTo(metrics);
        Topology topology = StreamsTopology.build(StreamsTopology.Settings.of(config), scorer, serdes, metrics);
        log.debug("Topology:\n{}", topology.describe());

        RunningParts running = new RunningParts();
        StoreLocator locator = new KafkaStreamsLocator(running.streams::get, running.self::get,
                running::partitionCount);
        CsatQueries csat = CsatQueries.of(running.streams::get, config.csatWindows());
        Clock clock = Clock.systemUTC();
        PeerClient peers = new PeerClient(QueryHttpApi.objectMapper(),
                api.advertisedUrl().map(URI::getScheme).orElse("http"));
        QueryService queries = new QueryService(locator, new LocalReads(locator, csat, api.seriesSpan()), peers, clock);
        ActionRecords actionRecords = new ActionRecords(running.actionsProducer::get);
        AlertActions actions = new AlertActions(actionRecords, clock);
        LocalConversations localConversations = new LocalConversations(locator, clock,
                config.conversations().answerWithin());
        String conversationsTopic = ConversationTopology.repartitionTopic(config.applicationId());
        ConversationQueries conversationQueries = new ConversationQueries(locator, localConversations, peers,
                conversationsTopic, config.alerting().hierarchy());
        ConversationRoutes conversations = new ConversationRoutes(conversationQueries,
                new ConversationActions(actionRecords, clock));
        AlertConversationRoutes alertConversations = new AlertConversationRoutes(queries, conversationQueries);
        HandlingRoutes handling = new HandlingRoutes(new HandlingQueries(locator, new LocalHandling(locator, clock),
                peers, HandlingTopology.repartitionTopic(config.applicationId())), config.alerting().windows());
        // The dashboard's live stream: every instance reads all of the metrics and alert topics.
        LiveUpdates live = LiveUpdates.create(config.kafkaSettings(), config.registrySettings(), config.applicationId(),
                metrics);
        Javalin http = QueryHttpApi.create(queries, actions, api, config.alerting().windows(), running::state, metrics,
                routes -> {
                    conversations.register(routes);
                    alertConversations.register(routes);
                    handling.register(routes);
                    DashboardRoutes.register(routes, live.broadcaster());
                });
        TextModelLoop textModels = new TextModelLoop(config.textModel(), config.kafka(), scorer, metrics, Clock.systemUTC());
        return new StreamsApp(config, topology, running, telemetry, http, serdes, live, textModels);
    }

    /**
     * The scorer with the base model ({@code TEXT_MODEL_BASE_FILE}, else the bundled one): immutable
     * and thread-safe, shared by every stream thread until another text model becomes active.
     */
    public static TextScorer textScorer(StreamsAppConfig config) {
        TextScorer.Builder builder = TextScorer.builder();
        config.scoringConfigFile().ifPresent(builder::extension);
        config.textModel().baseModelFile().ifPresent(builder::model);
        TextScorer scorer = builder.build();
        log.info("Scoring texts with {}{}", scorer,
                config.scoringConfigFile().map(file -> ", extended by " + file).orElse(""));
        return scorer;
    }

    /**
     * Starts the HTTP API (first, so a taken port fails before joining the group), then makes and
     * starts Kafka Streams, telling it this instance's address for the query API.
     */
    public void start() {
        RegistryStartupCheck.requireReachable(config.registrySettings());
        textModels.start();
        http.start(config.httpPort());
        HostInfo self = advertised(config, port());
        Properties properties = config.streamsProperties();
        properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        KafkaStreams streams = new KafkaStreams(topology, properties);
        // Bound before it starts, so the Kafka Streams meters exist from the first scrape.
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics);
        watch(streams);
        running.self.set(self);
        running.actionsProducer.set(ActionRecords.producer(config.kafkaSettings(),
                config.applicationId() + "-alert-actions-" + self.host() + "-" + self.port()));
        running.streams.set(streams);
        streams.start();
        live.start();
        textModels.startLearning();
        log.info("feedback-streams (application.id {}) started: HTTP on port {} (reached as {}:{}), Kafka at {},"
                        + " registry at {}", config.applicationId(), port(), self.host(), self.port(),
                config.bootstrapServers(),
                SchemaRegistrySettings.printable(config.schemaRegistryUrl()));
    }

    /** The port the HTTP API listens on, once started. */
    public int port() {
        return http.port();
    }

    public KafkaStreams.State state() {
        return running.state();
    }

    /**
     * The address other instances reach this one at: {@code STREAMS_ADVERTISED_URL} (with the HTTP
     * port when it names none), else this host's name and the HTTP port.
     */
    static HostInfo advertised(StreamsAppConfig config, int httpPort) {
        return config.api().advertisedUrl()
                .map(url -> new HostInfo(url.getHost(), url.getPort() < 0 ? httpPort : url.getPort()))
                .orElseGet(() -> new HostInfo(hostName(), httpPort));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            log.warn("This host's name is unknown ({}); other instances will not reach this one: set {}",
                    e.getMessage(), ApiSettings.STREAMS_ADVERTISED_URL);
            return "localhost";
        }
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
        live.close();
        textModels.close();
        http.stop();
        KafkaStreams streams = running.streams.get();
        if (streams != null && !streams.close(CLOSE_TIMEOUT)) {
            log.warn("Kafka Streams did not shut down within {}", CLOSE_TIMEOUT);
        }
        Producer<String, String> actionsProducer = running.actionsProducer.get();
        if (actionsProducer != null) {
            actionsProducer.close(CLOSE_TIMEOUT);
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        serdes.close();
        telemetry.close();
        log.info("feedback-streams (application.id {}) stopped", config.applicationId());
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
