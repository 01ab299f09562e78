package org.instantfeedback.streams.http;

import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.streams.StreamsTopology;
import org.instantfeedback.streams.config.StreamsAppConfig;
import org.instantfeedback.streams.csat.CsatQueries;
import org.instantfeedback.streams.csat.CsatTopology;
import org.instantfeedback.streams.feedback.FeedbackTopologyDriver;
import org.instantfeedback.streams.handling.HandlingTopology;
import org.instantfeedback.streams.feedback.TestScorers;
import org.instantfeedback.streams.query.ActionRecords;
import org.instantfeedback.streams.query.AlertActions;
import org.instantfeedback.streams.query.ConversationActions;
import org.instantfeedback.streams.query.ConversationQueries;
import org.instantfeedback.streams.query.HandlingQueries;
import org.instantfeedback.streams.query.LocalHandling;
import org.instantfeedback.streams.query.LocalConversations;
import org.instantfeedback.streams.query.LocalReads;
import org.instantfeedback.streams.query.PeerClient;
import org.instantfeedback.streams.query.Placement;
import org.instantfeedback.streams.query.QueryService;
import org.instantfeedback.streams.query.QueryTopology;
import org.instantfeedback.streams.query.QueryUnavailableException;
import org.instantfeedback.streams.query.StoreLocator;

/**
 * The HTTP API over stores filled by the real topology (query stores included) in a
 * TopologyTestDriver: one instance holding every partition, on a port the OS picks, with the
 * clock fixed. The store can be made unqueryable, as during a rebalance.
 */
final class QueryApiFixture implements AutoCloseable {
    private static final HostInfo SELF = new HostInfo("localhost", 1);

    final AtomicReference<KafkaStreams.State> streamsState = new AtomicReference<>(KafkaStreams.State.RUNNING);
    final AtomicBoolean storesQueryable = new AtomicBoolean(true);
    final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final FeedbackTopologyDriver topology;
    private final TopologyTestDriver driver;
    private final Javalin http;

    QueryApiFixture(Path stateDir, Instant now, Map<String, String> apiEnv) {
        Map<String, String> settings = FeedbackTopologyDriver.settings("http-api-test", stateDir);
        StreamsAppConfig config = StreamsAppConfig.from(settings);
        topology = new FeedbackTopologyDriver(settings, (appConfig, serdes) -> StreamsTopology.build(
                StreamsTopology.Settings.of(appConfig), TestScorers::standard, serdes, new SimpleMeterRegistry()),
                now.minusSeconds(3600));
        driver = topology.driver();

        StoreLocator locator = new DriverLocator();
        CsatQueries csat = new CsatQueries(config.csatWindows(),
                () -> locator.localStore(CsatTopology.SLICE_STORE, QueryableStoreTypes.windowStore(), 0));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        QueryService queries = new QueryService(locator, new LocalReads(locator, csat, config.api().seriesSpan()),
                new PeerClient(QueryHttpApi.objectMapper(), "http"), clock);
        // No producer: the tests here stop before an action would be sent; sending is tested on a real broker.
        AlertActions actions = new AlertActions(new ActionRecords(() -> null), clock);
        PeerClient peers = new PeerClient(QueryHttpApi.objectMapper(), "http");
        ConversationQueries conversationQueries = new ConversationQueries(locator,
                new LocalConversations(locator, clock, config.conversations().answerWithin()), peers,
                "conversations", config.alerting().hierarchy());
        ConversationRoutes conversations = new ConversationRoutes(conversationQueries,
                new ConversationActions(new ActionRecords(() -> null), clock));
        AlertConversationRoutes alertConversations = new AlertConversationRoutes(queries, conversationQueries);
        HandlingRoutes handling = new HandlingRoutes(new HandlingQueries(locator, new LocalHandling(locator, clock),
                peers, "handling"), config.alerting().windows());
        http = QueryHttpApi.create(queries, actions, ApiSettings.from(apiEnv), config.alerting().windows(),
                streamsState::get, metrics, routes -> {
                    conversations.register(routes);
                    alertConversations.register(routes);
                    handling.register(routes);
                }).start(0);
    }

    void send(FeedbackReceived event) {
        topology.send(event);
    }

    /** Moves the driver's wall clock, which starts an hour before the API's now, on by {@code time}. */
    void advanceWallClockTime(Duration time) {
        driver.advanceWallClockTime(time);
    }

    int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.stop();
        topology.close();
    }

    /** The driver holds every partition, as partition 0 of this one instance. */
    private final class DriverLocator implements StoreLocator {
        @Override
        public Placement placementOf(String store, String key) {
            checkQueryable();
            return new Placement(SELF, true, Set.of(0));
        }

        @Override
        public List<Placement> placementsOf(String store, String sourceTopic) {
            checkQueryable();
            return List.of(new Placement(SELF, true, Set.of(0)));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T localStore(String store, QueryableStoreType<T> type, int partition) {
            checkQueryable();
            return store.equals(QueryTopology.METRICS_HISTORY_STORE) || store.equals(CsatTopology.SLICE_STORE)
                    || store.equals(HandlingTopology.SLICE_STORE)
                    ? (T) driver.getWindowStore(store) : (T) driver.getKeyValueStore(store);
        }

        private void checkQueryable() {
            if (!storesQueryable.get()) {
                throw new QueryUnavailableException("the stores are rebalancing");
            }
        }
    }
}
