package org.instantfeedback.local.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertKind;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;
import org.instantfeedback.local.LocalRun;
import org.instantfeedback.registry.MockSchemaRegistry;
import org.instantfeedback.streams.StreamsApp;
import org.instantfeedback.streams.StreamsTopology;
import org.instantfeedback.streams.textmodel.ActiveTextModel;
import org.instantfeedback.streams.config.StreamsAppConfig;
import org.instantfeedback.streams.feedback.EventSerdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run's promise: the simulator's bad-day routes open an alert of every kind within three
 * minutes. The application topology, with the local run's alerting settings and the real text
 * scorer, takes the simulator's feedback (the replayed ordinary history, then the demo) with
 * explicit event times, a quarter second apart at the local run's 4 feedback a second; the wall
 * clock advances with them, so the periodic re-evaluation runs as in the local run.
 *
 * <p>Feedback reaches the topology as ingest would write it: SMS from the sender's pseudonym (here
 * a stand-in for the HMAC), the web form anonymous.
 */
class BadDayAlertsTest {
    private static final Duration DEMO = Duration.ofMinutes(3);
    private static final Duration TICK = Duration.ofMillis(250);
    private static final Instant ORIGIN = Instant.parse("2026-11-22T08:00:07Z");

    @TempDir
    Path stateDir;

    @Test
    void the_demo_routes_bad_days_open_every_kind_of_alert_within_three_minutes() {
        Map<FeedbackAlertKind, FeedbackAlert> firstOpened = new EnumMap<>(FeedbackAlertKind.class);
        Map<String, Integer> openedPerSubject = new HashMap<>();
        String registryScope = "bad-day-" + UUID.randomUUID();
        StreamsAppConfig config = StreamsAppConfig.from(localRunEnvironment(registryScope));
        try (EventSerdes serdes = EventSerdes.forRegistry(config.registrySettings());
             TopologyTestDriver driver = new TopologyTestDriver(StreamsTopology.build(StreamsTopology.Settings.of(config),
                     new ActiveTextModel(StreamsApp.textScorer(config)), serdes, new SimpleMeterRegistry()),
                     config.streamsProperties(), ORIGIN.minus(PassengerTrafficSimulator.HISTORY))) {
            TestInputTopic<String, FeedbackReceived> feedback = driver.createInputTopic(Topics.FEEDBACK_RECEIVED,
                    new StringSerializer(), serdes.feedback().serializer());
            TestOutputTopic<String, FeedbackAlert> alerts = driver.createOutputTopic(Topics.ALERTS,
                    new StringDeserializer(), serdes.alerts().deserializer());
            PassengerTraffic traffic = new PassengerTraffic(RouteProfile.demoRoutes(), 20261122L);

            for (Duration elapsed = PassengerTrafficSimulator.HISTORY.negated(); elapsed.compareTo(DEMO) < 0;
                    elapsed = elapsed.plus(TICK)) {
                for (int i = traffic.submissionsAt(elapsed); i > 0; i--) {
                    FeedbackReceived received = asIngestWritesIt(traffic.next(elapsed, ORIGIN.plus(elapsed)),
                            ORIGIN.plus(elapsed));
                    feedback.pipeInput(received.getSubject(), received, received.getReceivedAt());
                }
                driver.advanceWallClockTime(TICK);
                for (FeedbackAlert alert : alerts.readValuesToList()) {
                    if (alert.getType() == FeedbackAlertEventType.OPENED) {
                        firstOpened.putIfAbsent(alert.getKind(), alert);
                        openedPerSubject.merge(alert.getSubject(), 1, Integer::sum);
                    }
                }
            }
        } finally {
            MockSchemaRegistry.drop(registryScope);
        }

        firstOpened.forEach((kind, alert) -> System.out.printf(Locale.ROOT, "%s first opened %d s into the demo: %s%n",
                kind, Duration.between(ORIGIN, alert.getOpenedAt()).toSeconds(), alert.getReason()));
        assertThat(firstOpened).containsOnlyKeys(FeedbackAlertKind.NEGATIVE_SURGE, FeedbackAlertKind.CSAT_DROP,
                FeedbackAlertKind.URGENT_REPORT, FeedbackAlertKind.VOLUME_SPIKE);
        assertThat(firstOpened.values()).allSatisfy(alert -> {
            assertThat(alert.getSubject()).isIn("route-42", "route-7");
            // a report sent at 45 s may have been written up to 20 s before
            assertThat(alert.getOpenedAt()).isBetween(ORIGIN.plusSeconds(25), ORIGIN.plus(DEMO));
        });
        assertThat(openedPerSubject).as("no alert for the routes having an ordinary day")
                .containsOnlyKeys("route-42", "route-7");
    }

    /** The local run's variables, as {@link LocalRun} sets them for feedback-streams. */
    private Map<String, String> localRunEnvironment(String registryScope) {
        Map<String, String> env = new HashMap<>(LocalRun.DEMO_BASELINES);
        env.putAll(LocalRun.DEMO_WINDOWS);
        env.put(StreamsAppConfig.KAFKA_APPLICATION_ID, "bad-day-" + UUID.randomUUID());
        env.put(StreamsAppConfig.KAFKA_STATE_DIR, stateDir.toString());
        env.put(StreamsAppConfig.SCHEMA_REGISTRY_URL, "mock://" + registryScope);
        return env;
    }

    private static FeedbackReceived asIngestWritesIt(PassengerTraffic.Submission submission, Instant receivedAt) {
        return FeedbackReceived.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setChannel(submission.bySms() ? Channel.SMS : Channel.WEB)
                .setSubject(submission.subject())
                .setRating(Rating.newBuilder().setValue(submission.rating()).setScale(RatingScale.STARS_5).build())
                .setText(submission.comment())
                .setSenderPseudonym(submission.bySms() ? "pseudonym-of-" + submission.senderNumber() : null)
                .setOccurredAt(submission.occurredAt())
                .setReceivedAt(receivedAt)
                .build();
    }
}
