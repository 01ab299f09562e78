package org.instantfeedback.streams.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live stream's fan-out: every viewer gets every event, slow ones are dropped, heartbeats flow. */
class LiveBroadcasterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:15:00Z"), ZoneOffset.UTC);

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private LiveBroadcaster broadcaster;

    @AfterEach
    void close() {
        if (broadcaster != null) {
            broadcaster.close();
        }
    }

    @Test
    void every_viewer_gets_every_event_in_order() throws Exception {
        broadcaster = new LiveBroadcaster(8, 10, Duration.ofMinutes(1), CLOCK, metrics);
        LiveSubscription first = broadcaster.subscribe().orElseThrow();
        LiveSubscription second = broadcaster.subscribe().orElseThrow();

        broadcaster.publish(metrics("route-42", 80.0));
        broadcaster.publish(metrics("route-7", 55.5));

        for (LiveSubscription viewer : List.of(first, second)) {
            assertThat(drain(viewer)).extracting(LiveEvent::json)
                    .containsExactly("{\"subject\":\"route-42\",\"csatPercent\":80.0}",
                            "{\"subject\":\"route-7\",\"csatPercent\":55.5}");
        }
        assertThat(broadcaster.clients()).isEqualTo(2);
    }

    @Test
    void a_viewer_that_falls_behind_is_dropped_while_the_others_keep_receiving() throws Exception {
        broadcaster = new LiveBroadcaster(3, 10, Duration.ofMinutes(1), CLOCK, metrics);
        LiveSubscription slow = broadcaster.subscribe().orElseThrow();
        LiveSubscription keepingUp = broadcaster.subscribe().orElseThrow();
        List<LiveEvent> received = new ArrayList<>();

        // One thread publishes and reads: were publish() to wait for the slow viewer, this would hang.
        for (int i = 0; i < 10; i++) {
            broadcaster.publish(metrics("route-" + i, 50.0 + i));
            received.addAll(drain(keepingUp));
        }

        assertThat(slow.isEnded()).as("the viewer that never read").isTrue();
        assertThat(slow.next(10, TimeUnit.MILLISECONDS)).as("nothing left queued for it").isEmpty();
        assertThat(slow.backlog()).isLessThanOrEqualTo(1);
        assertThat(keepingUp.isEnded()).isFalse();
        assertThat(received).hasSize(10);
        assertThat(broadcaster.clients()).isEqualTo(1);
        assertThat(metrics.get("feedback.dashboard.live.dropped.clients").counter().count()).isEqualTo(1.0);
    }

    @Test
    void sends_heartbeats_to_every_viewer_at_the_interval() {
        broadcaster = new LiveBroadcaster(16, 10, Duration.ofMillis(50), CLOCK, metrics);
        LiveSubscription viewer = broadcaster.subscribe().orElseThrow();
        List<LiveEvent> received = new ArrayList<>();

        broadcaster.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> {
            received.addAll(drain(viewer));
            return received.size() >= 3;
        });
        assertThat(received).allSatisfy(event -> {
            assertThat(event.name()).isEqualTo(LiveEvent.HEARTBEAT);
            assertThat(event.json()).isEqualTo("{\"at\":\"2026-11-22T08:15:00Z\",\"intervalMillis\":50}");
        });
        assertThat(new String(received.get(0).wire(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("event: heartbeat\ndata: {\"at\":\"2026-11-22T08:15:00Z\",\"intervalMillis\":50}\n\n");
    }

    @Test
    void turns_viewers_away_beyond_the_limit_and_takes_them_again_when_one_leaves() {
        broadcaster = new LiveBroadcaster(4, 2, Duration.ofMinutes(1), CLOCK, metrics);
        LiveSubscription first = broadcaster.subscribe().orElseThrow();
        broadcaster.subscribe().orElseThrow();

        assertThat(broadcaster.subscribe()).isEmpty();
        first.close();
        assertThat(broadcaster.subscribe()).isPresent();
    }

    @Test
    void closing_ends_every_viewer_so_their_threads_return() throws Exception {
        broadcaster = new LiveBroadcaster(4, 10, Duration.ofMinutes(1), CLOCK, metrics);
        LiveSubscription viewer = broadcaster.subscribe().orElseThrow();
        Thread waiting = new Thread(() -> {
            try {
                while (!viewer.isEnded()) {
                    viewer.next(1, TimeUnit.MINUTES);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.start();

        broadcaster.close();

        waiting.join(Duration.ofSeconds(5).toMillis());
        assertThat(waiting.isAlive()).as("the writer waiting for events").isFalse();
        assertThat(broadcaster.clients()).isZero();
    }

    @Test
    void refuses_events_that_would_break_the_stream_format() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LiveEvent.of("alert", "{\"a\":\n1}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static LiveEvent metrics(String subject, double csat) {
        return LiveEvent.of(LiveEvent.METRICS, "{\"subject\":\"" + subject + "\",\"csatPercent\":" + csat + "}");
    }

    private static List<LiveEvent> drain(LiveSubscription viewer) throws InterruptedException {
        List<LiveEvent> events = new ArrayList<>();
        Optional<LiveEvent> event;
        while ((event = viewer.next(0, TimeUnit.MILLISECONDS)).isPresent()) {
            events.add(event.get());
        }
        return events;
    }
}
