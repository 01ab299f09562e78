package org.instantfeedback.benchmarks.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackMetrics;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the alert decision of one subject as Flink would, with its keyed state in memory and its
 * timers in hand, to show when the rolling figures are published.
 */
class EvaluateAlertsTest {
    private static final String KEY = "subject:route-42";
    private static final Instant START = Instant.parse("2026-01-05T06:00:00Z");
    private static final OutputTopics TOPICS = OutputTopics.withPrefix("test");
    /** A processing time 20 ms into an interval. */
    private static final long WALL_CLOCK = 1_767_600_000_020L;

    private final EvaluateAlerts evaluate = new EvaluateAlerts(TOPICS);
    private final Timers timers = new Timers();
    private final List<Outbound> out = new ArrayList<>();
    private final Collector<Outbound> collector = new Collector<>() {
        @Override
        public void collect(Outbound record) {
            out.add(record);
        }

        @Override
        public void close() {
        }
    };
    private TimeDomain firing = TimeDomain.PROCESSING_TIME;
    private final EvaluateAlerts.OnTimerContext context = evaluate.new OnTimerContext() {
        @Override
        public Long timestamp() {
            return null;
        }

        @Override
        public TimerService timerService() {
            return timers;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            throw new UnsupportedOperationException("no side outputs");
        }

        @Override
        public String getCurrentKey() {
            return KEY;
        }

        @Override
        public TimeDomain timeDomain() {
            return firing;
        }
    };

    @BeforeEach
    void open() throws Exception {
        evaluate.setRuntimeContext(stateInMemory());
        evaluate.open(null);
    }

    @Test
    void a_burst_of_ratings_is_published_once_per_window_at_the_next_interval_boundary() throws Exception {
        for (int i = 0; i < 50; i++) {
            evaluate.processElement(feedback(i, START.plusSeconds(i)), context, collector);
            timers.processingTime += 1;
        }

        assertThat(metrics()).isEmpty();
        long boundary = WALL_CLOCK - 20 + EvaluateAlerts.PUBLISH_INTERVAL.toMillis();
        assertThat(timers.processing).containsExactly(boundary);

        fire(boundary);

        List<String> published = new ArrayList<>();
        for (String window : List.of("PT15M", "PT1H", "PT24H")) {
            published.add(TOPICS.metrics() + " " + KEY + ":" + window);
            published.add(TOPICS.metricsLatest() + " " + KEY + ":" + window);
        }
        assertThat(metrics()).extracting(record -> record.topic + " " + new String(record.key, StandardCharsets.UTF_8))
                .containsExactlyInAnyOrderElementsOf(published);
        AvroBinary<FeedbackMetrics> avro = new AvroBinary<>(FeedbackMetrics.class);
        assertThat(metrics()).allSatisfy(record -> assertThat(avro.decode(record.value).getResponses()).isEqualTo(50));
    }

    @Test
    void a_response_too_old_for_every_window_publishes_nothing_new() throws Exception {
        Instant now = START.plus(Duration.ofDays(1));
        evaluate.processElement(feedback(1, now), context, collector);
        fire(timers.processing.first());
        out.clear();

        // Still counted in its bucket (it is within the hour of grace), but outside the 24 hours.
        evaluate.processElement(feedback(2, now.minus(Duration.ofHours(24)).minus(Duration.ofMinutes(30))),
                context, collector);
        fire(timers.processing.last());

        assertThat(metrics()).isEmpty();
    }

    @Test
    void the_end_of_the_input_publishes_what_is_still_pending() throws Exception {
        evaluate.processElement(feedback(1, START), context, collector);
        long pending = timers.processing.first();

        firing = TimeDomain.EVENT_TIME;
        timers.watermark = Long.MAX_VALUE;
        evaluate.onTimer(timers.event.first(), context, collector);

        assertThat(metrics()).hasSize(6);
        assertThat(timers.processing).doesNotContain(pending);
    }

    private void fire(long processingTime) throws Exception {
        timers.processingTime = processingTime;
        timers.processing.remove(processingTime);
        firing = TimeDomain.PROCESSING_TIME;
        evaluate.onTimer(processingTime, context, collector);
    }

    private List<Outbound> metrics() {
        return out.stream()
                .filter(record -> record.topic.equals(TOPICS.metrics()) || record.topic.equals(TOPICS.metricsLatest()))
                .toList();
    }

    private static Tuple2<String, byte[]> feedback(int i, Instant at) {
        FeedbackReceived received = FeedbackReceived.newBuilder()
                .setEventId("event-" + i)
                .setChannel(Channel.WEB)
                .setSubject("route-42")
                .setSenderPseudonym("sender-" + i)
                .setOccurredAt(at)
                .setReceivedAt(at.plusSeconds(3))
                .setRating(Rating.newBuilder().setValue(1 + i % 5).setScale(RatingScale.STARS_5).build())
                .build();
        // No text, so no scorer is asked.
        byte[] scored = new AvroBinary<>(FeedbackScored.class)
                .encode(ScoredRecords.score(null, received, at.plusSeconds(4)));
        return Tuple2.of(KEY, scored);
    }

    /** A runtime context that hands out keyed state of one key, in memory, and nothing else. */
    private static RuntimeContext stateInMemory() {
        return (RuntimeContext) Proxy.newProxyInstance(RuntimeContext.class.getClassLoader(),
                new Class<?>[] {RuntimeContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMapState" -> new MapStateInMemory<>();
                    case "getState" -> new ValueStateInMemory<>();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Flink's timer service of one key, with the clock set by the test. */
    private static final class Timers implements TimerService {
        final TreeSet<Long> processing = new TreeSet<>();
        final TreeSet<Long> event = new TreeSet<>();
        long processingTime = WALL_CLOCK;
        long watermark = Long.MIN_VALUE;

        @Override
        public long currentProcessingTime() {
            return processingTime;
        }

        @Override
        public long currentWatermark() {
            return watermark;
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            processing.add(time);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            event.add(time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            processing.remove(time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            event.remove(time);
        }
    }
}
