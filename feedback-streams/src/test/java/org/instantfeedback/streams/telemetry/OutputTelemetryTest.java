package org.instantfeedback.streams.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertFigures;
import org.instantfeedback.events.FeedbackAlertKind;
import org.instantfeedback.events.FeedbackAlertSeverity;
import org.instantfeedback.events.SubjectScope;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.registry.SpecificAvroSerde;
import org.junit.jupiter.api.Test;

class OutputTelemetryTest {
    private static final Instant NOW = Instant.parse("2026-11-22T08:15:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void a_csat_update_records_the_time_since_its_feedback_occurred_and_passes_through_unchanged() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(OutputTelemetry.<String>csat(meters, CLOCK))
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build())) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", Serdes.String().serializer(),
                    Serdes.String().serializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", Serdes.String().deserializer(),
                    Serdes.String().deserializer());
            in.pipeInput("route-42", "window", NOW.minusMillis(1_500));
            in.pipeInput("route-42", "window", NOW.plusSeconds(120)); // a sender's clock ahead: counted as 0

            assertThat(out.readValuesToList()).containsExactly("window", "window");
        }
        Timer latency = meters.get(OutputTelemetry.END_TO_END_LATENCY).tag("output", "csat").timer();
        assertThat(latency.count()).isEqualTo(2);
        assertThat(latency.max(TimeUnit.MILLISECONDS)).isEqualTo(1_500);
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1_500);
    }

    @Test
    void alert_events_are_counted_by_kind_severity_and_type_and_only_raised_ones_time_the_pipeline() {
        SpecificAvroSerde<FeedbackAlert> serde = SpecificAvroSerde.forValues(FeedbackAlert.class,
                Map.of(SchemaRegistrySettings.URL, "mock://" + UUID.randomUUID()));
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("alerts-in", Consumed.with(Serdes.String(), serde))
                .processValues(OutputTelemetry.alerts(meters, CLOCK))
                .to("alerts-out", Produced.with(Serdes.String(), serde));
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build())) {
            TestInputTopic<String, FeedbackAlert> in = driver.createInputTopic("alerts-in",
                    Serdes.String().serializer(), serde.serializer());
            TestOutputTopic<String, FeedbackAlert> out = driver.createOutputTopic("alerts-out",
                    Serdes.String().deserializer(), serde.deserializer());
            in.pipeInput("a", alert(FeedbackAlertEventType.OPENED, FeedbackAlertSeverity.WARNING), NOW.minusSeconds(2));
            in.pipeInput("a", alert(FeedbackAlertEventType.ESCALATED, FeedbackAlertSeverity.CRITICAL),
                    NOW.minusSeconds(1));
            in.pipeInput("a", alert(FeedbackAlertEventType.RESOLVED, FeedbackAlertSeverity.CRITICAL),
                    NOW.minusSeconds(3_600));

            assertThat(out.readValuesToList()).extracting(FeedbackAlert::getType).containsExactly(
                    FeedbackAlertEventType.OPENED, FeedbackAlertEventType.ESCALATED, FeedbackAlertEventType.RESOLVED);
        }
        assertThat(meters.get(OutputTelemetry.ALERT_EVENTS).tags("kind", "negative_surge", "severity", "warning",
                "type", "opened").counter().count()).isEqualTo(1);
        assertThat(meters.get(OutputTelemetry.ALERT_EVENTS).tags("severity", "critical").counters())
                .hasSize(2).allSatisfy(counter -> assertThat(counter.count()).isEqualTo(1));
        Timer latency = meters.get(OutputTelemetry.END_TO_END_LATENCY).tag("output", "alert").timer();
        assertThat(latency.count()).as("the resolution, an hour later, is not a pipeline delay").isEqualTo(2);
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3_000);
    }

    private static FeedbackAlert alert(FeedbackAlertEventType type, FeedbackAlertSeverity severity) {
        return FeedbackAlert.newBuilder().setEventId("a#" + type.ordinal()).setAlertId("a")
                .setScope(SubjectScope.SUBJECT).setSubject("route-42").setKind(FeedbackAlertKind.NEGATIVE_SURGE)
                .setSeverity(severity).setType(type).setReason("Negative share rose.")
                .setFigures(FeedbackAlertFigures.newBuilder().setResponses(10).setRatedResponses(0).setScoredTexts(10)
                        .setNegativeTexts(6).setUrgentReports(0).setComplaints(6).setDistinctSenders(8)
                        .setComplainants(6).build())
                .setExamples(List.of()).setOpenedAt(NOW).setEventAt(NOW).build();
    }
}
