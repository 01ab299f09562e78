package org.instantfeedback.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertFigures;
import org.instantfeedback.events.FeedbackAlertKind;
import org.instantfeedback.events.FeedbackAlertSeverity;
import org.instantfeedback.events.SubjectScope;
import org.instantfeedback.registry.MockSchemaRegistry;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.streams.feedback.EventSerdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert store of the query API: the latest event per alert, resolved alerts forgotten after the retention. */
class QueryTopologyTest {
    private static final Instant START = Instant.parse("2026-05-04T12:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(24);

    @TempDir
    Path stateDir;

    private final String registryScope = "query-topology-" + UUID.randomUUID();
    private EventSerdes serdes;
    private TopologyTestDriver driver;
    private TestInputTopic<String, FeedbackAlert> alerts;

    @BeforeEach
    void start() {
        serdes = EventSerdes.forRegistry(java.util.Map.of(SchemaRegistrySettings.URL, "mock://" + registryScope));
        // The query stores alone, fed alert events directly: what lands on feedback.alerts.v1 is the
        // alerting part's business, tested with the whole topology in AlertingTopologyTest.
        Topology topology = QueryTopology.addTo(new Topology(), serdes, Duration.ofHours(2), RETENTION);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "query-topology-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, properties, START);
        alerts = driver.createInputTopic(Topics.ALERTS, new StringSerializer(), serdes.alerts().serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        serdes.close();
        MockSchemaRegistry.drop(registryScope);
    }

    @Test
    void keeps_the_latest_event_of_each_alert() {
        send(event("a-1", FeedbackAlertEventType.OPENED, START));
        send(event("a-1", FeedbackAlertEventType.ACKNOWLEDGED, START.plusSeconds(60)));
        send(event("a-2", FeedbackAlertEventType.OPENED, START.plusSeconds(90)));

        assertThat(store().get("a-1").getType()).isEqualTo(FeedbackAlertEventType.ACKNOWLEDGED);
        assertThat(AlertView.of(store().get("a-1")).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(AlertView.of(store().get("a-2")).status()).isEqualTo(AlertStatus.OPEN);
    }

    @Test
    void forgets_resolved_alerts_once_the_retention_has_passed_but_keeps_open_ones() {
        send(event("open", FeedbackAlertEventType.OPENED, START));
        send(event("resolved", FeedbackAlertEventType.RESOLVED, START));

        driver.advanceWallClockTime(RETENTION.minusMinutes(5));
        assertThat(store().get("resolved")).as("still within the retention").isNotNull();

        driver.advanceWallClockTime(Duration.ofMinutes(10));
        assertThat(store().get("resolved")).isNull();
        assertThat(store().get("open")).isNotNull();
    }

    private KeyValueStore<String, FeedbackAlert> store() {
        return driver.getKeyValueStore(QueryTopology.ALERTS_STORE);
    }

    private void send(FeedbackAlert alert) {
        alerts.pipeInput(alert.getAlertId(), alert, alert.getEventAt());
    }

    private static FeedbackAlert event(String alertId, FeedbackAlertEventType type, Instant at) {
        FeedbackAlertFigures figures = new FeedbackAlertFigures(1L, 0L, null, null, null, 1L, 1L, 100.0, 1L, 1L, 1L,
                1L, false, null, null);
        return FeedbackAlert.newBuilder()
                .setEventId(alertId + "#" + type.ordinal())
                .setAlertId(alertId)
                .setScope(SubjectScope.SUBJECT)
                .setSubject("route-42")
                .setKind(FeedbackAlertKind.URGENT_REPORT)
                .setSeverity(FeedbackAlertSeverity.CRITICAL)
                .setType(type)
                .setReason("An urgent report about route-42")
                .setFigures(figures)
                .setExamples(List.of("driver was drunk"))
                .setOpenedAt(START)
                .setEventAt(at)
                .setAcknowledgedAt(type == FeedbackAlertEventType.ACKNOWLEDGED ? at : null)
                .setAcknowledgedBy(type == FeedbackAlertEventType.ACKNOWLEDGED ? "Sam" : null)
                .setResolvedAt(type == FeedbackAlertEventType.RESOLVED ? at : null)
                .build();
    }
}
