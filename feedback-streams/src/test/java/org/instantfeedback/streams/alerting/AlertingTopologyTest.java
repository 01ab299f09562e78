package org.instantfeedback.streams.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.instantfeedback.config.Topics;
import org.instantfeedback.deadletter.DeadLetterHeaders;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertHandling;
import org.instantfeedback.events.FeedbackAlertKind;
import org.instantfeedback.events.FeedbackAlertResolution;
import org.instantfeedback.events.FeedbackAlertSeverity;
import org.instantfeedback.events.FeedbackMetrics;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;
import org.instantfeedback.events.SubjectScope;
import org.instantfeedback.streams.feedback.EventSerdes;
import org.instantfeedback.streams.StreamsTopology;
import org.instantfeedback.streams.feedback.FeedbackTopologyDriver;
import org.instantfeedback.streams.feedback.TestScorers;
import org.instantfeedback.streams.telemetry.OutputTelemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts as ops see them on feedback.alerts.v1, and rolling figures on feedback.metrics.v1, from
 * feedback driven through the whole application topology with explicit event times. Rules are the
 * documented defaults unless a test changes them on the rules topic.
 */
class AlertingTopologyTest {
    private static final String DAY = "2026-05-04";
    private static final String ROUTE = "route-42";
    private static final String OTHER_ROUTE = "route-7";
    private static final String NEGATIVE = "Bus 42 was late again, terrible and awful service, very angry";
    private static final String POSITIVE = "Great service, friendly driver, lovely clean bus, thank you";
    private static final String URGENT = "A man attacked a passenger on the bus, there was an assault";
    private static final SubjectHierarchy HIERARCHY = SubjectHierarchy.parse("hierarchy.txt",
            ROUTE + " = depot-north, region-east\n" + OTHER_ROUTE + " = depot-north, region-east\n");

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private FeedbackTopologyDriver topology;
    private EventSerdes serdes;
    private TopologyTestDriver driver;
    private TestInputTopic<String, FeedbackReceived> feedback;
    private TestInputTopic<String, String> rules;
    private TestInputTopic<String, String> actions;
    private TestOutputTopic<String, FeedbackAlert> alerts;
    private TestOutputTopic<String, FeedbackMetrics> metrics;
    private TestOutputTopic<String, FeedbackMetrics> latestMetrics;
    private TestOutputTopic<String, String> deadLetters;
    private TestOutputTopic<String, FeedbackAlertHandling> handling;

    @BeforeEach
    void start() {
        topology = new FeedbackTopologyDriver(
                FeedbackTopologyDriver.settings("alerting-topology-test", stateDir.resolve("state")),
                (config, eventSerdes) -> StreamsTopology.build(StreamsTopology.Settings.of(config)
                        .withAlerting(config.alerting().withHierarchy(HIERARCHY)), TestScorers::standard, eventSerdes,
                        meters),
                at("12:00"));
        serdes = topology.serdes();
        driver = topology.driver();
        feedback = topology.feedback();
        rules = driver.createInputTopic(Topics.ALERT_RULES, new StringSerializer(), new StringSerializer());
        actions = driver.createInputTopic(Topics.ALERT_ACTIONS, new StringSerializer(), new StringSerializer());
        alerts = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(), serdes.alerts().deserializer());
        metrics = driver.createOutputTopic(Topics.METRICS, new StringDeserializer(), serdes.metrics().deserializer());
        latestMetrics = driver.createOutputTopic(Topics.METRICS_LATEST, new StringDeserializer(),
                serdes.metrics().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTER, new StringDeserializer(), new StringDeserializer());
        handling = driver.createOutputTopic(Topics.ALERT_HANDLING, new StringDeserializer(),
                serdes.alertHandling().deserializer());
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void publishes_rolling_figures_per_subject_and_group_for_every_window() {
        send(rated(ROUTE, 5, "alice", at("08:00:10")));
        send(rated(ROUTE, 2, "bob", at("08:01:10")));
        send(text(OTHER_ROUTE, NEGATIVE, "carol", at("08:02:10")));

        Map<String, FeedbackMetrics> latest = latestMetrics.readKeyValuesToMap();
        assertThat(latest).containsKeys("subject:route-42:PT15M", "subject:route-42:PT1H", "subject:route-42:PT24H",
                "group:depot-north:PT15M", "group:region-east:PT24H", "subject:route-7:PT15M");
        FeedbackMetrics route = latest.get("subject:route-42:PT15M");
        assertThat(route.getScope()).isEqualTo(SubjectScope.SUBJECT);
        assertThat(route.getResponses()).isEqualTo(2);
        assertThat(route.getCsatPercent()).isEqualTo(50.0);
        assertThat(route.getDistinctSenders()).isEqualTo(2);
        assertThat(route.getNps()).isNull();
        assertThat(route.getWindowEnd()).isEqualTo(at("08:02"));
        assertThat(route.getWindowStart()).isEqualTo(at("07:47"));
        FeedbackMetrics depot = latest.get("group:depot-north:PT15M");
        assertThat(depot.getScope()).isEqualTo(SubjectScope.GROUP);
        assertThat(depot.getResponses()).isEqualTo(3);
        assertThat(depot.getComplaints()).isEqualTo(2);
        // route-42 twice and route-7 once, each for itself and its two groups, in three windows
        assertThat(metrics.readRecordsToList()).hasSize(3 * 3 * 3);
    }

    @Test
    void a_long_window_counts_every_response_in_it_exactly_to_the_minute() {
        for (String time : List.of("07:52", "07:53", "08:07", "08:14:59", "08:15", "08:29", "09:40")) {
            send(rated(ROUTE, 4, "sender-" + time, at(time)));
        }
        send(rated(ROUTE, 2, "next-day", at("07:52").plus(Duration.ofDays(1))));

        Map<String, FeedbackMetrics> latest = latestMetrics.readKeyValuesToMap();
        FeedbackMetrics day = latest.get("subject:route-42:PT24H");
        assertThat(day.getWindowStart()).isEqualTo(at("07:53"));
        assertThat(day.getResponses()).as("all but the one at 07:52 the day before").isEqualTo(7);
        assertThat(day.getCsatPercent()).isEqualTo(85.7);
        assertThat(latest.get("subject:route-42:PT1H").getResponses()).isEqualTo(1);
    }

    @Test
    void opens_one_negative_surge_alert_when_enough_people_complain_and_escalates_it() {
        fourHappyAndFourAngry(at("08:00"));
        assertThat(alertsFor(ROUTE)).as("four complainants are not enough").isEmpty();

        send(text(ROUTE, NEGATIVE, "angry-5", at("08:05")));
        List<FeedbackAlert> opened = alertsFor(ROUTE);
        assertThat(opened).singleElement().satisfies(alert -> {
            assertThat(alert.getType()).isEqualTo(FeedbackAlertEventType.OPENED);
            assertThat(alert.getKind()).isEqualTo(FeedbackAlertKind.NEGATIVE_SURGE);
            assertThat(alert.getSeverity()).isEqualTo(FeedbackAlertSeverity.WARNING);
            assertThat(alert.getReason()).startsWith("Negative share on route-42 reached 56 % (5 of 9 texts;"
                    + " 5 people complaining) in the 15 minutes to 08:06");
            assertThat(alert.getWindow().getSizeMillis()).isEqualTo(Duration.ofMinutes(15).toMillis());
            assertThat(alert.getFigures().getComplainants()).isEqualTo(5);
            assertThat(alert.getExamples()).isNotEmpty().allSatisfy(example -> assertThat(example)
                    .as("each example with how it read").startsWith(NEGATIVE + " (negative ")
                    .matches(".* \\(negative \\d{2,3}%: .+ -\\d\\.\\d.*\\)"));
            assertThat(alert.getOpenedAt()).isEqualTo(at("08:05"));
        });

        send(text(ROUTE, NEGATIVE, "angry-6", at("08:06")));
        send(text(ROUTE, NEGATIVE, "angry-7", at("08:07")));
        List<FeedbackAlert> later = alertsFor(ROUTE);
        assertThat(later).extracting(FeedbackAlert::getType).containsExactly(FeedbackAlertEventType.ESCALATED);
        assertThat(later.get(0).getSeverity()).isEqualTo(FeedbackAlertSeverity.CRITICAL);
        assertThat(later.get(0).getAlertId()).isEqualTo(opened.get(0).getAlertId());
    }

    @Test
    void one_sender_sending_many_angry_texts_opens_nothing() {
        for (int i = 0; i < 5; i++) {
            send(text(ROUTE, POSITIVE, "happy-" + i, at("08:00").plusSeconds(i)));
        }
        for (int i = 0; i < 20; i++) {
            send(text(ROUTE, NEGATIVE, "spammer", at("08:01").plusSeconds(i)));
        }

        assertThat(alertsFor(ROUTE)).isEmpty();
        assertThat(latestMetrics.readKeyValuesToMap().get("subject:route-42:PT15M").getComplainants()).isEqualTo(1);
    }

    @Test
    void figures_wavering_in_the_band_keep_one_alert_and_a_quiet_subject_resolves_after_the_hold_down() {
        fourHappyAndFourAngry(at("08:00"));
        send(text(ROUTE, NEGATIVE, "angry-5", at("08:05")));
        assertThat(alertsFor(ROUTE)).extracting(FeedbackAlert::getType).containsExactly(FeedbackAlertEventType.OPENED);

        // 5 of 15 texts, 33 %: below the 40 % threshold but above the 25 % clear level
        for (int i = 0; i < 6; i++) {
            send(text(ROUTE, POSITIVE, "happy-more-" + i, at("08:06").plusSeconds(i)));
        }
        send(text(OTHER_ROUTE, POSITIVE, "elsewhere", at("08:40")));
        driver.advanceWallClockTime(Duration.ofSeconds(31));
        assertThat(alertsFor(ROUTE)).as("the first healthy reading only starts the hold-down").isEmpty();

        send(text(OTHER_ROUTE, POSITIVE, "elsewhere", at("08:51")));
        driver.advanceWallClockTime(Duration.ofSeconds(31));
        assertThat(alertsFor(ROUTE)).singleElement().satisfies(alert -> {
            assertThat(alert.getType()).isEqualTo(FeedbackAlertEventType.RESOLVED);
            assertThat(alert.getResolution()).isEqualTo(FeedbackAlertResolution.AUTOMATIC);
            assertThat(alert.getTimeToResolveMillis()).isEqualTo(Duration.ofMinutes(46).toMillis());
        });
    }

    @Test
    void a_reading_in_the_band_restarts_the_hold_down_clock() {
        fourHappyAndFourAngry(at("08:00"));
        send(text(ROUTE, NEGATIVE, "angry-5", at("08:05")));
        assertThat(alertsFor(ROUTE)).extracting(FeedbackAlert::getType).containsExactly(FeedbackAlertEventType.OPENED);
        sendPositives(12, at("08:06"));
        // 8 of 24 texts, 33 %: back in the band between the 25 % clear level and the 40 % threshold
        for (int i = 6; i <= 8; i++) {
            send(text(ROUTE, NEGATIVE, "angry-" + i, at("08:12").plusSeconds(i)));
        }
        sendPositives(10, at("08:13"));

        send(text(OTHER_ROUTE, POSITIVE, "elsewhere", at("08:20")));
        driver.advanceWallClockTime(Duration.ofSeconds(31));
        assertThat(alertsFor(ROUTE)).as("healthy for 14 minutes, but only 7 since the band").isEmpty();

        send(text(OTHER_ROUTE, POSITIVE, "elsewhere", at("08:24")));
        driver.advanceWallClockTime(Duration.ofSeconds(31));
        assertThat(alertsFor(ROUTE)).singleElement().satisfies(alert -> {
            assertThat(alert.getType()).isEqualTo(FeedbackAlertEventType.RESOLVED);
            assertThat(alert.getTimeToResolveMillis()).isEqualTo(Duration.ofMinutes(19).toMillis());
        });
    }

    @Test
    void an_urgent_report_opens_a_critical_alert_at_once_and_repeats_from_the_same_person_page_nobody() {
        send(text(ROUTE, URGENT, "witness-1", at("08:03")));
        // urgent reports are raised per subject only, so none for route-42's depot and region
        assertThat(alerts.readValuesToList()).singleElement().satisfies(alert -> {
            assertThat(alert.getSubject()).isEqualTo(ROUTE);
            assertThat(alert.getKind()).isEqualTo(FeedbackAlertKind.URGENT_REPORT);
            assertThat(alert.getType()).isEqualTo(FeedbackAlertEventType.OPENED);
            assertThat(alert.getSeverity()).isEqualTo(FeedbackAlertSeverity.CRITICAL);
            assertThat(alert.getReason()).startsWith("An urgent report about route-42 came in at 08:03");
            assertThat(alert.getWindow()).isNull();
        });

        send(text(ROUTE, URGENT, "witness-1", at("08:04")));
        assertThat(alertsFor(ROUTE)).isEmpty();
        send(text(ROUTE, URGENT, "witness-2", at("08:05")));
        assertThat(alertsFor(ROUTE)).extracting(FeedbackAlert::getType).containsExactly(FeedbackAlertEventType.UPDATED);
    }

    @Test
    void ops_acknowledge_an_urgent_alert_and_it_resolves_after_an_hour_without_reports() {
        send(text(ROUTE, URGENT, "witness-1", at("08:03")));
        String alertId = alertsFor(ROUTE).get(0).getAlertId();

        act("subject:route-42:urgent-report", alertId, "ACKNOWLEDGE", "alice", "crew informed", at("08:07"));
        assertThat(alertsFor(ROUTE)).singleElement().satisfies(alert -> {
            assertThat(alert.getType()).isEqualTo(FeedbackAlertEventType.ACKNOWLEDGED);
            assertThat(alert.getAcknowledgedBy()).isEqualTo("alice");
            assertThat(alert.getTimeToAcknowledgeMillis()).isEqualTo(Duration.ofMinutes(4).toMillis());
            assertThat(alert.getReason()).contains("alice acknowledged").contains("\"crew informed\"");
        });
        assertThat(meters.timer(AlertingTopology.TIME_TO_ACKNOWLEDGE_TIMER, "kind", "urgent_report").count())
                .isEqualTo(1);

        send(text(OTHER_ROUTE, POSITIVE, "elsewhere", at("09:10")));
        driver.advanceWallClockTime(Duration.ofSeconds(31));
        assertThat(alertsFor(ROUTE)).singleElement().satisfies(alert -> {
            assertThat(alert.getType()).isEqualTo(FeedbackAlertEventType.RESOLVED);
            assertThat(alert.getResolution()).isEqualTo(FeedbackAlertResolution.AUTOMATIC);
        });
    }

    @Test
    void every_meter_the_topology_feeds_says_a_replayed_transaction_counts_twice() {
        send(text(ROUTE, URGENT, "witness-1", at("08:03")));
        String alertId = alertsFor(ROUTE).get(0).getAlertId();
        act("subject:route-42:urgent-report", alertId, "ACKNOWLEDGE", "alice", null, at("08:07"));

        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName()).contains(
                AlertingTopology.TIME_TO_ACKNOWLEDGE_TIMER, OutputTelemetry.ALERT_EVENTS, OutputTelemetry.END_TO_END_LATENCY);
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getDescription())
                .as(meter.getId().getName()).endsWith(OutputTelemetry.APPROXIMATE));
    }

    @Test
    void ops_resolve_an_alert_and_an_action_for_an_alert_that_is_not_open_goes_to_the_dead_letter_topic() {
        fourHappyAndFourAngry(at("08:00"));
        send(text(ROUTE, NEGATIVE, "angry-5", at("08:05")));
        String alertId = alertsFor(ROUTE).get(0).getAlertId();

        act("subject:route-42:negative-surge", alertId, "RESOLVE", "bob", null, at("08:09"));
        assertThat(alertsFor(ROUTE)).singleElement().satisfies(alert -> {
            assertThat(alert.getType()).isEqualTo(FeedbackAlertEventType.RESOLVED);
            assertThat(alert.getResolution()).isEqualTo(FeedbackAlertResolution.BY_OPS);
            assertThat(alert.getActor()).isEqualTo("bob");
        });
        send(text(ROUTE, NEGATIVE, "angry-6", at("08:10")));
        assertThat(alertsFor(ROUTE)).as("the window still holds the resolved surge").isEmpty();

        act("subject:route-42:negative-surge", alertId, "ACKNOWLEDGE", "carol", null, at("08:11"));
        assertThat(alertsFor(ROUTE)).isEmpty();
        TestRecord<String, String> rejected = deadLetters.readRecord();
        assertThat(header(rejected, DeadLetterHeaders.MESSAGE)).contains("is not open for route-42");
        assertThat(header(rejected, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.ALERT_ACTIONS);
    }

    @Test
    void time_to_acknowledge_and_to_resolve_per_subject_and_kind_are_kept_on_the_handling_topic() {
        send(text(ROUTE, URGENT, "witness-1", at("08:03")));
        String first = alertsFor(ROUTE).get(0).getAlertId();
        assertThat(handling.isEmpty()).as("opening an alert measures nothing yet").isTrue();

        act("subject:route-42:urgent-report", first, "ACKNOWLEDGE", "alice", null, at("08:07"));
        act("subject:route-42:urgent-report", first, "RESOLVE", "alice", "police attended", at("08:33"));
        assertThat(alertsFor(ROUTE)).extracting(FeedbackAlert::getType)
                .containsExactly(FeedbackAlertEventType.ACKNOWLEDGED, FeedbackAlertEventType.RESOLVED);
        send(text(ROUTE, URGENT, "witness-2", at("09:00")));
        String second = alertsFor(ROUTE).get(0).getAlertId();
        act("subject:route-42:urgent-report", second, "ACKNOWLEDGE", "bob", null, at("09:10"));

        Map<String, FeedbackAlertHandling> latest = handling.readKeyValuesToMap();
        assertThat(latest).containsOnlyKeys("subject:route-42:urgent-report");
        FeedbackAlertHandling route = latest.get("subject:route-42:urgent-report");
        assertThat(route.getScope()).isEqualTo(SubjectScope.SUBJECT);
        assertThat(route.getSubject()).isEqualTo(ROUTE);
        assertThat(route.getKind()).isEqualTo(FeedbackAlertKind.URGENT_REPORT);
        assertThat(route.getTimeToAcknowledge().getCount()).isEqualTo(2);
        assertThat(route.getTimeToAcknowledge().getMeanMillis()).isEqualTo(Duration.ofMinutes(7).toMillis());
        assertThat(route.getTimeToAcknowledge().getMaxMillis()).isEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(route.getTimeToAcknowledge().getLastMillis()).isEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(route.getTimeToResolve().getCount()).isEqualTo(1);
        assertThat(route.getTimeToResolve().getMeanMillis()).isEqualTo(Duration.ofMinutes(30).toMillis());
        assertThat(route.getResolvedByOps()).isEqualTo(1);
        assertThat(route.getLastAlertId()).isEqualTo(second);
        assertThat(route.getUpdatedAt()).isEqualTo(at("09:10"));
    }

    @Test
    void handling_times_are_kept_apart_per_kind_and_count_automatic_resolutions() {
        fourHappyAndFourAngry(at("08:00"));
        send(text(ROUTE, NEGATIVE, "angry-5", at("08:05")));
        String surge = alertsFor(ROUTE).get(0).getAlertId();
        act("subject:route-42:negative-surge", surge, "ACKNOWLEDGE", "carol", null, at("08:06"));
        // the route goes quiet: healthy from the first look after its window emptied, resolved a hold-down later
        send(text(OTHER_ROUTE, POSITIVE, "elsewhere", at("08:30")));
        driver.advanceWallClockTime(Duration.ofSeconds(31));
        send(text(OTHER_ROUTE, POSITIVE, "elsewhere-again", at("08:41")));
        driver.advanceWallClockTime(Duration.ofSeconds(31));

        assertThat(alertsFor(ROUTE)).extracting(FeedbackAlert::getType)
                .containsExactly(FeedbackAlertEventType.ACKNOWLEDGED, FeedbackAlertEventType.RESOLVED);
        List<KeyValue<String, FeedbackAlertHandling>> updates = handling.readKeyValuesToList();
        assertThat(updates).extracting(update -> update.key)
                .containsOnly("subject:route-42:negative-surge", "group:depot-north:negative-surge",
                        "group:region-east:negative-surge");
        FeedbackAlertHandling route = handling(updates, "subject:route-42:negative-surge");
        assertThat(route.getTimeToAcknowledge().getLastMillis()).isEqualTo(Duration.ofMinutes(1).toMillis());
        assertThat(route.getTimeToResolve().getCount()).isEqualTo(1);
        assertThat(route.getResolvedAutomatically()).isEqualTo(1);
        assertThat(route.getResolvedByOps()).isZero();
        assertThat(handling(updates, "group:depot-north:negative-surge").getTimeToAcknowledge().getCount())
                .as("ops acknowledged the route's alert, not the depot's").isZero();
    }

    @Test
    void ops_act_on_a_groups_alert_as_on_a_subjects() {
        fourHappyAndFourAngry(at("08:00"));
        send(text(ROUTE, NEGATIVE, "angry-5", at("08:05")));
        List<FeedbackAlert> opened = alerts.readValuesToList();
        String depotAlert = opened.stream()
                .filter(alert -> alert.getScope() == SubjectScope.GROUP && alert.getSubject().equals("depot-north"))
                .findFirst().orElseThrow().getAlertId();
        String routeAlert = opened.stream()
                .filter(alert -> alert.getScope() == SubjectScope.SUBJECT && alert.getSubject().equals(ROUTE))
                .findFirst().orElseThrow().getAlertId();

        act("group:depot-north:negative-surge", depotAlert, "ACKNOWLEDGE", "dave", null, at("08:06"));
        act("subject:route-42:negative-surge", routeAlert, "ACKNOWLEDGE", "carol", null, at("08:07"));

        assertThat(alerts.readValuesToList())
                .extracting(FeedbackAlert::getAlertId, FeedbackAlert::getType, FeedbackAlert::getActor)
                .containsExactly(tuple(depotAlert, FeedbackAlertEventType.ACKNOWLEDGED, "dave"),
                        tuple(routeAlert, FeedbackAlertEventType.ACKNOWLEDGED, "carol"));
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void an_unreadable_ops_action_goes_to_the_dead_letter_topic_with_the_reason() {
        actions.pipeInput("subject:route-42:negative-surge", "{not json", at("08:00"));

        TestRecord<String, String> rejected = deadLetters.readRecord();
        assertThat(rejected.value()).isEqualTo("{not json");
        assertThat(header(rejected, DeadLetterHeaders.MESSAGE)).startsWith("the action is not valid JSON");
    }

    @Test
    void a_rule_changed_at_run_time_applies_to_the_next_feedback() {
        rules.pipeInput("subject:" + ROUTE, "{\"negative-surge\": {\"openSharePercent\": 20,"
                + " \"clearSharePercent\": 10, \"minSenders\": 2, \"minTexts\": 4}}", at("07:59"));
        send(text(ROUTE, POSITIVE, "happy-1", at("08:00")));
        send(text(ROUTE, POSITIVE, "happy-2", at("08:00:10")));
        send(text(ROUTE, NEGATIVE, "angry-1", at("08:00:20")));
        assertThat(alertsFor(ROUTE)).isEmpty();
        send(text(ROUTE, NEGATIVE, "angry-2", at("08:00:30")));

        assertThat(alertsFor(ROUTE)).singleElement().satisfies(alert -> {
            assertThat(alert.getType()).isEqualTo(FeedbackAlertEventType.OPENED);
            assertThat(alert.getReason()).contains("above the 20 % threshold");
        });
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void an_invalid_rule_goes_to_the_dead_letter_topic_and_the_previous_rule_stays() {
        rules.pipeInput("subject:" + ROUTE, "{\"negative-surge\": {\"openSharePercent\": 20,"
                + " \"clearSharePercent\": 10, \"minSenders\": 2, \"minTexts\": 4}}", at("07:58"));
        rules.pipeInput("subject:" + ROUTE, "{\"negative-surge\": {\"clearSharePercent\": 45}}", at("07:59"));

        TestRecord<String, String> rejected = deadLetters.readRecord();
        assertThat(rejected.key()).isEqualTo("subject:" + ROUTE);
        assertThat(header(rejected, DeadLetterHeaders.MESSAGE))
                .contains("clearSharePercent (45) must be below openSharePercent (40)");

        send(text(ROUTE, POSITIVE, "happy-1", at("08:00")));
        send(text(ROUTE, POSITIVE, "happy-2", at("08:00:10")));
        send(text(ROUTE, NEGATIVE, "angry-1", at("08:00:20")));
        send(text(ROUTE, NEGATIVE, "angry-2", at("08:00:30")));
        assertThat(alertsFor(ROUTE)).extracting(FeedbackAlert::getType).containsExactly(FeedbackAlertEventType.OPENED);
    }

    @Test
    void opens_a_csat_drop_alert_when_csat_falls_below_the_floor_from_enough_unhappy_people() {
        for (int i = 1; i <= 5; i++) {
            send(rated(ROUTE, 5, "happy-" + i, at("08:00").plusSeconds(i)));
        }
        for (int i = 1; i <= 4; i++) {
            send(rated(ROUTE, 1, "unhappy-" + i, at("08:10").plusSeconds(i)));
        }
        assertThat(alertsFor(ROUTE)).as("nine ratings are not enough").isEmpty();

        send(rated(ROUTE, 2, "unhappy-5", at("08:20")));
        assertThat(alertsFor(ROUTE)).singleElement().satisfies(alert -> {
            assertThat(alert.getKind()).isEqualTo(FeedbackAlertKind.CSAT_DROP);
            assertThat(alert.getType()).isEqualTo(FeedbackAlertEventType.OPENED);
            assertThat(alert.getSeverity()).isEqualTo(FeedbackAlertSeverity.WARNING);
            assertThat(alert.getReason()).startsWith("CSAT on route-42 fell to 50 % (5 of 10 ratings satisfied;"
                    + " 5 people unhappy) in the hour to 08:21, below the 60 % floor");
            assertThat(alert.getFigures().getCsatPercent()).isEqualTo(50.0);
            assertThat(alert.getWindow().getSizeMillis()).isEqualTo(Duration.ofHours(1).toMillis());
        });
    }

    @Test
    void opens_a_complaint_spike_alert_once_the_usual_number_of_complaints_is_known() {
        // a day of quiet 15-minute periods after one complaint: the baseline is warm (96 periods), the usual number tiny
        send(recommendation(ROUTE, 0, "regular", at("08:00").minus(Duration.ofHours(25))));
        for (int i = 1; i <= 9; i++) {
            send(recommendation(ROUTE, 0, "detractor-" + (i % 5), at("08:00").plusSeconds(i)));
        }
        assertThat(alertsFor(ROUTE)).as("nine complaints are not enough").isEmpty();

        send(recommendation(ROUTE, 1, "detractor-0", at("08:01")));
        assertThat(alertsFor(ROUTE)).singleElement().satisfies(alert -> {
            assertThat(alert.getKind()).isEqualTo(FeedbackAlertKind.VOLUME_SPIKE);
            assertThat(alert.getType()).isEqualTo(FeedbackAlertEventType.OPENED);
            assertThat(alert.getReason()).startsWith("Complaints on route-42 reached 10 from 5 people in the"
                    + " 15 minutes to 08:02");
            assertThat(alert.getFigures().getUsualComplaints()).isNotNull();
            assertThat(alert.getFigures().getNps()).isEqualTo(-100.0);
        });
    }

    @Test
    void switching_a_rule_off_resolves_its_open_alert_at_the_next_evaluation() {
        fourHappyAndFourAngry(at("08:00"));
        send(text(ROUTE, NEGATIVE, "angry-5", at("08:05")));
        String alertId = alertsFor(ROUTE).get(0).getAlertId();

        rules.pipeInput("subject:" + ROUTE, "{\"negative-surge\": {\"enabled\": false}}", at("08:06"));
        send(text(ROUTE, NEGATIVE, "angry-6", at("08:07")));

        assertThat(alertsFor(ROUTE)).singleElement().satisfies(alert -> {
            assertThat(alert.getAlertId()).isEqualTo(alertId);
            assertThat(alert.getType()).isEqualTo(FeedbackAlertEventType.RESOLVED);
            assertThat(alert.getResolution()).isEqualTo(FeedbackAlertResolution.RULE_SWITCHED_OFF);
        });
        send(text(ROUTE, NEGATIVE, "angry-7", at("08:08")));
        assertThat(alertsFor(ROUTE)).isEmpty();
    }

    /** The latest of the updates for one key. */
    private static FeedbackAlertHandling handling(List<KeyValue<String, FeedbackAlertHandling>> updates, String key) {
        return updates.stream().filter(update -> update.key.equals(key)).reduce((a, b) -> b).orElseThrow().value;
    }

    private void sendPositives(int count, Instant from) {
        for (int i = 0; i < count; i++) {
            send(text(ROUTE, POSITIVE, "happy-" + from + "-" + i, from.plusSeconds(i)));
        }
    }

    private void fourHappyAndFourAngry(Instant from) {
        for (int i = 1; i <= 4; i++) {
            send(text(ROUTE, POSITIVE, "happy-" + i, from.plusSeconds(i)));
            send(text(ROUTE, NEGATIVE, "angry-" + i, from.plusSeconds(10 + i)));
        }
    }

    private void send(FeedbackReceived event) {
        feedback.pipeInput(event.getSubject(), event, event.getReceivedAt());
    }

    private void act(String key, String alertId, String action, String actor, String note, Instant when) {
        String json = "{\"alertId\": \"" + alertId + "\", \"action\": \"" + action + "\", \"actor\": \"" + actor + "\""
                + (note == null ? "" : ", \"note\": \"" + note + "\"") + ", \"at\": \"" + when + "\"}";
        actions.pipeInput(key, json, when);
    }

    /** The alert events about one subject (not its groups) published since the last read. */
    private List<FeedbackAlert> alertsFor(String subject) {
        return alerts.readValuesToList().stream()
                .filter(alert -> alert.getScope() == SubjectScope.SUBJECT && alert.getSubject().equals(subject))
                .toList();
    }

    private static FeedbackReceived text(String subject, String text, String sender, Instant occurredAt) {
        return builder(subject, sender, occurredAt).setChannel(Channel.SMS).setText(text).build();
    }

    private static FeedbackReceived rated(String subject, int stars, String sender, Instant occurredAt) {
        return builder(subject, sender, occurredAt)
                .setRating(Rating.newBuilder().setValue(stars).setScale(RatingScale.STARS_5).build())
                .build();
    }

    private static FeedbackReceived recommendation(String subject, int score, String sender, Instant occurredAt) {
        return builder(subject, sender, occurredAt)
                .setRating(Rating.newBuilder().setValue(score).setScale(RatingScale.NPS_0_10).build())
                .build();
    }

    private static FeedbackReceived.Builder builder(String subject, String sender, Instant occurredAt) {
        return FeedbackReceived.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setChannel(Channel.WEB)
                .setSubject(subject)
                .setSenderPseudonym("pseudonym-" + sender)
                .setOccurredAt(occurredAt)
                .setReceivedAt(occurredAt.plusSeconds(3));
    }

    private static String header(TestRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant at(String time) {
        return Instant.parse(DAY + "T" + (time.length() == 5 ? time + ":00" : time) + "Z");
    }
}
