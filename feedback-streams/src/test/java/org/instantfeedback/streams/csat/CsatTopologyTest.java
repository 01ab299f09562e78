package org.instantfeedback.streams.csat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.instantfeedback.streams.csat.Feedback.stars;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.CsatWindow;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.RatingScale;
import org.instantfeedback.streams.feedback.FeedbackTopologyDriver;
import org.instantfeedback.streams.feedback.TestScorers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSAT in the application topology as it runs, driven record by record with explicit event times. Windows of
 * 10 minutes advancing by 5 keep the arithmetic visible: 12:07 lies in [12:00, 12:10) and
 * [12:05, 12:15).
 */
class CsatTopologyTest {
    private static final String DAY = "2026-05-04";
    private static final CsatWindowSpec TEN_BY_FIVE = new CsatWindowSpec(
            Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofHours(1));
    private static final String ROUTE = "route-42";

    @TempDir
    Path stateDir;

    private FeedbackTopologyDriver topology;
    private TestOutputTopic<String, CsatWindow> csat;
    private TestInputTopic<byte[], byte[]> rawFeedback;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @AfterEach
    void closeDriver() {
        if (topology != null) {
            topology.close();
        }
    }

    @Test
    void a_rating_counts_in_every_hopping_window_that_contains_it() {
        start(TEN_BY_FIVE);

        feedback(stars(ROUTE, 5, at("12:07")));

        List<TestRecord<String, CsatWindow>> updates = csat.readRecordsToList();
        assertThat(updates).extracting(TestRecord::key).containsOnly(ROUTE);
        assertThat(updates).extracting(update -> update.value().getWindowStart())
                .containsExactlyInAnyOrder(at("12:00"), at("12:05"));
        assertThat(updates).allSatisfy(update -> {
            assertThat(update.value().getSubject()).isEqualTo(ROUTE);
            assertThat(update.value().getWindowEnd()).isEqualTo(update.value().getWindowStart().plus(Duration.ofMinutes(10)));
            assertThat(update.value().getRatedResponses()).isEqualTo(1);
        });
    }

    @Test
    void with_the_default_windows_a_rating_updates_the_fifteen_windows_of_the_quarter_hour_around_it() {
        start(CsatWindowSpec.DEFAULT);

        Instant occurredAt = Instant.parse("2026-05-04T12:07:30Z");
        feedback(stars(ROUTE, 4, occurredAt));

        List<CsatWindow> updates = csat.readValuesToList();
        assertThat(updates).hasSize(15);
        assertThat(updates).allSatisfy(window -> {
            assertThat(window.getWindowStart()).isBeforeOrEqualTo(occurredAt);
            assertThat(window.getWindowEnd()).isAfter(occurredAt);
            assertThat(window.getSatisfiedResponses()).isEqualTo(1);
        });
        assertThat(updates).extracting(CsatWindow::getWindowStart)
                .contains(at("11:53"), at("12:07")).doesNotContain(at("11:52"), at("12:08"));
    }

    @Test
    void csat_is_the_share_of_fours_and_fives_and_the_average_is_the_mean_rating() {
        start(TEN_BY_FIVE);

        feedback(stars(ROUTE, 5, at("12:05:30")));
        feedback(stars(ROUTE, 2, at("12:08")));
        feedback(stars(ROUTE, 4, at("12:06")));

        CsatWindow latest = lastUpdateOf(at("12:05"));
        assertThat(latest.getRatedResponses()).isEqualTo(3);
        assertThat(latest.getSatisfiedResponses()).isEqualTo(2);
        assertThat(latest.getRatingSum()).isEqualTo(11);
        assertThat(latest.getCsatPercent()).isEqualTo(66.7);
        assertThat(latest.getAverageRating()).isEqualTo(3.67);
        assertThat(latest.getUpdatedAt()).as("the latest feedback counted, not the last to arrive").isEqualTo(at("12:08"));
    }

    @Test
    void subjects_are_counted_apart() {
        start(TEN_BY_FIVE);

        feedback(stars(ROUTE, 5, at("12:06")));
        feedback(stars("branch-7", 1, at("12:07")));

        List<TestRecord<String, CsatWindow>> updates = csat.readRecordsToList();
        assertThat(updates).filteredOn(update -> update.key().equals("branch-7"))
                .extracting(update -> update.value().getCsatPercent()).containsOnly(0.0);
        assertThat(updates).filteredOn(update -> update.key().equals(ROUTE))
                .extracting(update -> update.value().getCsatPercent()).containsOnly(100.0);
    }

    @Test
    void a_late_rating_within_the_grace_period_still_counts() {
        start(TEN_BY_FIVE);
        feedback(stars(ROUTE, 5, at("12:03")));
        feedback(stars("branch-7", 3, at("12:11")));
        csat.readRecordsToList();

        // [12:00, 12:10) ended a minute ago in stream time, within the 2-minute grace.
        feedback(stars(ROUTE, 1, at("12:06")));

        CsatWindow window = lastUpdateOf(at("12:00"));
        assertThat(window.getRatedResponses()).isEqualTo(2);
        assertThat(window.getCsatPercent()).isEqualTo(50.0);
        assertThat(droppedRecords()).isZero();
    }

    @Test
    void a_rating_later_than_the_grace_period_is_dropped_and_counted_as_dropped() {
        start(TEN_BY_FIVE);
        feedback(stars(ROUTE, 5, at("12:03")));
        feedback(stars("branch-7", 3, at("12:20")));
        csat.readRecordsToList();
        topology.csatV2().readRecordsToList();

        // Both windows holding 12:08 ([12:00, 12:10) and [12:05, 12:15)) closed by 12:17.
        feedback(stars(ROUTE, 1, at("12:08")));

        assertThat(csat.isEmpty()).isTrue();
        assertThat(topology.driver().<String, CsatTally>getWindowStore(CsatTopology.STORE).fetch(ROUTE, at("12:00").toEpochMilli()))
                .isEqualTo(CsatTally.ofRating(5, at("12:03").toEpochMilli()));
        assertThat(topology.csatV2().isEmpty()).isTrue();
        // Kafka Streams counts a drop per aggregation that drops it: the hopping windows once per
        // closed window (2, as before the slices), the slice store once.
        assertThat(droppedRecords()).isEqualTo(2.0 + 1.0);
    }

    @Test
    void without_v1_only_the_current_window_is_published_on_v2_and_a_too_late_rating_is_dropped_once() {
        startWithoutV1(TEN_BY_FIVE);
        feedback(stars(ROUTE, 5, at("12:03")));
        feedback(stars(ROUTE, 4, at("12:07")));
        feedback(stars("branch-7", 3, at("12:20")));

        feedback(stars(ROUTE, 1, at("12:08")));

        assertThat(csat.isEmpty()).as("nothing on feedback.csat.v1").isTrue();
        assertThat(topology.driver().getWindowStore(CsatTopology.STORE)).as("no hopping-window store").isNull();
        // At 12:03 the current window (the earliest-ending one holding it) is [11:55, 12:05); at 12:07, [12:00, 12:10).
        assertThat(topology.csatV2().readValuesToList())
                .extracting(CsatWindow::getSubject, CsatWindow::getWindowStart, CsatWindow::getRatedResponses)
                .containsExactly(tuple(ROUTE, at("11:55"), 1L), tuple(ROUTE, at("12:00"), 2L),
                        tuple("branch-7", at("12:15"), 1L));
        assertThat(droppedRecords()).isEqualTo(1.0);
    }

    @Test
    void nps_ratings_and_text_only_feedback_do_not_count() {
        start(TEN_BY_FIVE);

        feedback(Feedback.rated(ROUTE, 9, RatingScale.NPS_0_10, at("12:06")));
        feedback(Feedback.textOnly(ROUTE, "the bus was late again", at("12:06")));
        assertThat(csat.isEmpty()).isTrue();

        feedback(stars(ROUTE, 2, at("12:07")));
        assertThat(lastUpdateOf(at("12:05")).getRatedResponses()).isEqualTo(1);
    }

    @Test
    void smileys_and_thumbs_count_on_their_five_point_equivalent() {
        start(TEN_BY_FIVE);

        feedback(Feedback.rated(ROUTE, 3, RatingScale.SMILEY_4, at("12:06")));
        feedback(Feedback.rated(ROUTE, 2, RatingScale.SMILEY_4, at("12:06")));
        feedback(Feedback.rated(ROUTE, 1, RatingScale.THUMBS, at("12:06")));
        feedback(Feedback.rated(ROUTE, 0, RatingScale.THUMBS, at("12:06")));

        CsatWindow window = lastUpdateOf(at("12:05"));
        // happy smiley 3 -> 4 stars, unhappy 2 -> 2, thumbs up -> 5, down -> 1
        assertThat(window.getRatedResponses()).isEqualTo(4);
        assertThat(window.getSatisfiedResponses()).isEqualTo(2);
        assertThat(window.getRatingSum()).isEqualTo(12);
        assertThat(window.getCsatPercent()).isEqualTo(50.0);
    }

    @Test
    void windows_follow_when_the_feedback_occurred_not_when_it_reached_kafka() {
        start(TEN_BY_FIVE);

        topology.send(stars(ROUTE, 5, at("12:07")), at("12:31"));

        assertThat(csat.readValuesToList()).extracting(CsatWindow::getWindowStart)
                .containsExactlyInAnyOrder(at("12:00"), at("12:05"));
    }

    @Test
    void undeserializable_bytes_go_to_the_dead_letter_topic_with_the_reason_and_processing_goes_on() {
        startForDeadLetters(TEN_BY_FIVE);

        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        rawFeedback.pipeInput(ROUTE.getBytes(StandardCharsets.UTF_8), garbage, at("12:06"));
        feedback(stars(ROUTE, 4, at("12:07")));

        TestRecord<byte[], byte[]> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(deadLetter.key()).isEqualTo(ROUTE.getBytes(StandardCharsets.UTF_8));
        assertThat(header(deadLetter, "__streams.errors.exception")).contains("SerializationException");
        assertThat(header(deadLetter, "__streams.errors.message")).contains("magic byte");
        assertThat(header(deadLetter, "__streams.errors.topic")).isEqualTo(Topics.FEEDBACK_RECEIVED);
        assertThat(lastUpdateOf(at("12:05")).getRatedResponses()).isEqualTo(1);
    }

    @Test
    void a_record_written_with_an_unknown_schema_id_goes_to_the_dead_letter_topic() {
        startForDeadLetters(TEN_BY_FIVE);

        byte[] unknownSchema = {0, 0, 0, 0x7f, 0x7f, 2, 4, 6};
        rawFeedback.pipeInput(ROUTE.getBytes(StandardCharsets.UTF_8), unknownSchema, at("12:06"));

        TestRecord<byte[], byte[]> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.value()).isEqualTo(unknownSchema);
        assertThat(header(deadLetter, "__streams.errors.message")).contains("32639");
        assertThat(csat.isEmpty()).isTrue();
    }

    @Test
    void the_window_store_answers_queries_for_the_window_covering_a_moment() {
        start(TEN_BY_FIVE);
        feedback(stars(ROUTE, 5, at("12:06")));
        feedback(stars(ROUTE, 3, at("12:12")));

        CsatQueries queries = new CsatQueries(TEN_BY_FIVE, () -> topology.driver().getWindowStore(CsatTopology.SLICE_STORE));

        CsatFigures figures = queries.currentWindow(ROUTE, at("12:13")).orElseThrow();
        assertThat(figures.windowStart()).isEqualTo(at("12:05"));
        assertThat(figures.windowEnd()).isEqualTo(at("12:15"));
        assertThat(figures.ratedResponses()).isEqualTo(2);
        assertThat(figures.csatPercent()).isEqualTo(50.0);
        assertThat(figures.averageRating()).isEqualTo(4.0);
        assertThat(figures.updatedAt()).isEqualTo(at("12:12"));
        assertThat(queries.currentWindow(ROUTE, at("12:21"))).isEmpty();
        assertThat(queries.currentWindow("route-unknown", at("12:13"))).isEmpty();
    }

    private void start(CsatWindowSpec windows) {
        start(windows, StreamsConfig.EXACTLY_ONCE_V2);
    }

    /**
     * The dead-letter tests run the driver at least once: Kafka Streams writes dead letters while
     * deserializing, before processing, and under exactly-once the driver clears that not yet
     * committed send before its next commit, which a broker does not. The exactly-once path is
     * covered on a real broker by StreamsAppIT.
     */
    private void startForDeadLetters(CsatWindowSpec windows) {
        start(windows, StreamsConfig.AT_LEAST_ONCE);
    }

    private void startWithoutV1(CsatWindowSpec windows) {
        Map<String, String> settings = FeedbackTopologyDriver.settings("csat-topology-test", stateDir);
        topology = new FeedbackTopologyDriver(settings, windows, false, TestScorers.standard(), null);
        csat = topology.csat();
    }

    private void start(CsatWindowSpec windows, String processingGuarantee) {
        Map<String, String> settings = FeedbackTopologyDriver.settings("csat-topology-test", stateDir);
        settings.put("KAFKA_PROCESSING_GUARANTEE", processingGuarantee);
        topology = new FeedbackTopologyDriver(settings, windows, TestScorers.standard(), null);
        csat = topology.csat();
        rawFeedback = topology.driver().createInputTopic(Topics.FEEDBACK_RECEIVED, new ByteArraySerializer(),
                new ByteArraySerializer());
        deadLetters = topology.driver().createOutputTopic(Topics.DEAD_LETTER, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private void feedback(FeedbackReceived event) {
        topology.send(event);
    }

    private CsatWindow lastUpdateOf(Instant windowStart) {
        return topology.lastUpdateOf(windowStart);
    }

    private double droppedRecords() {
        return topology.metricTotal("dropped-records-total");
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A time of day on the test's day, e.g. {@code at("12:07")} or {@code at("12:05:30")}. */
    private static Instant at(String time) {
        return Instant.parse(DAY + "T" + (time.length() == 5 ? time + ":00" : time) + "Z");
    }
}
