package org.instantfeedback.streams.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instantfeedback.streams.csat.Feedback.stars;
import static org.instantfeedback.streams.csat.Feedback.textOnly;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.test.TestRecord;
import org.instantfeedback.config.Topics;
import org.instantfeedback.deadletter.DeadLetterHeaders;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.events.FeedbackSentiment;
import org.instantfeedback.events.FeedbackTopic;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.streams.StreamsApp;
import org.instantfeedback.streams.StreamsTopology;
import org.instantfeedback.streams.config.StreamsAppConfig;
import org.instantfeedback.streams.csat.CsatWindowSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deduplication and scoring in the application topology as it runs, driven with explicit times.
 * The dedupe horizon here is one hour; CSAT windows are 10 minutes advancing by 5, with a grace
 * of 3 hours so that a copy arriving after the horizon still finds its windows open.
 */
class FeedbackTopologyTest {
    private static final String DAY = "2026-05-04";
    private static final Duration HORIZON = Duration.ofHours(1);
    private static final CsatWindowSpec WINDOWS = new CsatWindowSpec(
            Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(3), Duration.ofHours(4));
    private static final Instant WALL_CLOCK = Instant.parse(DAY + "T12:30:00Z");
    private static final String ROUTE = "route-42";

    @TempDir
    Path stateDir;

    private FeedbackTopologyDriver topology;
    private TestOutputTopic<String, FeedbackScored> scored;
    private TestOutputTopic<String, byte[]> deadLetters;

    @AfterEach
    void closeDriver() {
        if (topology != null) {
            topology.close();
        }
    }

    @Test
    void the_same_event_twice_counts_once_in_csat_and_is_scored_once() {
        start(TestScorers.standard());
        FeedbackReceived first = stars(ROUTE, 5, at("12:07"));

        send(first);
        send(copyReceivedAt(first, at("12:52")));
        send(stars(ROUTE, 1, at("12:08")));

        assertThat(topology.lastUpdateOf(at("12:05")).getRatedResponses()).as("the 5 once and the 1").isEqualTo(2);
        assertThat(scored.readValuesToList()).extracting(s -> s.getFeedback().getEventId())
                .containsOnlyOnce(first.getEventId()).hasSize(2);
        assertThat(duplicatesDropped()).isEqualTo(1.0);
    }

    @Test
    void a_copy_received_just_before_the_horizon_ends_is_still_dropped() {
        start(TestScorers.standard());
        FeedbackReceived first = stars(ROUTE, 4, at("12:07"));

        send(first);
        send(copyReceivedAt(first, first.getReceivedAt().plus(HORIZON).minusMillis(1)));

        assertThat(scored.readValuesToList()).hasSize(1);
        assertThat(topology.lastUpdateOf(at("12:05")).getRatedResponses()).isEqualTo(1);
    }

    /**
     * The documented limit: the horizon is measured between the receivedAt of the copies, and a
     * copy received a horizon or more after the first is taken for new feedback.
     */
    @Test
    void a_copy_received_after_the_horizon_counts_again() {
        start(TestScorers.standard());
        FeedbackReceived first = stars(ROUTE, 5, at("12:07"));

        send(first);
        send(copyReceivedAt(first, first.getReceivedAt().plus(HORIZON)));

        assertThat(scored.readValuesToList()).extracting(s -> s.getFeedback().getEventId())
                .containsExactly(first.getEventId(), first.getEventId());
        assertThat(topology.lastUpdateOf(at("12:05")).getRatedResponses()).isEqualTo(2);
        assertThat(duplicatesDropped()).isZero();
    }

    @Test
    void forgets_event_ids_once_the_horizon_has_passed_so_the_store_stays_bounded() {
        start(TestScorers.standard());
        FeedbackReceived early = stars(ROUTE, 5, at("12:07"));
        send(early);
        assertThat(remembered(early)).isTrue();

        send(stars(ROUTE, 4, at("13:20")));

        assertThat(remembered(early)).isFalse();
    }

    @Test
    void different_events_with_the_same_content_both_count() {
        start(TestScorers.standard());
        FeedbackReceived one = stars(ROUTE, 5, at("12:07"));
        FeedbackReceived other = FeedbackReceived.newBuilder(one).setEventId(UUID.randomUUID().toString()).build();

        send(one);
        send(other);

        assertThat(topology.lastUpdateOf(at("12:05")).getRatedResponses()).isEqualTo(2);
        assertThat(scored.readValuesToList()).hasSize(2);
    }

    @Test
    void a_complaint_is_scored_negative_with_its_topics() {
        start(TestScorers.standard());
        FeedbackReceived complaint = textOnly(ROUTE, "The driver was rude and the bus was 20 minutes late", at("12:07"));

        send(complaint);

        TestRecord<String, FeedbackScored> record = scored.readRecord();
        assertThat(record.key()).isEqualTo(ROUTE);
        FeedbackScored score = record.value();
        assertThat(score.getFeedback()).isEqualTo(complaint);
        assertThat(score.getSentimentLabel()).isEqualTo(FeedbackSentiment.NEGATIVE);
        assertThat(score.getSentiment()).isBetween(-1.0, -0.05);
        assertThat(score.getTopics()).containsExactly(FeedbackTopic.PUNCTUALITY, FeedbackTopic.STAFF);
        assertThat(score.getUrgent()).isFalse();
        assertThat(score.getLanguage()).isEqualTo("en");
        assertThat(score.getScoredAt()).isEqualTo(WALL_CLOCK);
    }

    @Test
    void a_report_of_a_drunk_driver_crashing_is_urgent_and_about_safety() {
        start(TestScorers.standard());

        send(textOnly(ROUTE, "driver was drunk and crashed into a car", at("12:07")));

        FeedbackScored score = scored.readValue();
        assertThat(score.getUrgent()).isTrue();
        assertThat(score.getTopics()).contains(FeedbackTopic.SAFETY);
        assertThat(score.getSentimentLabel()).isEqualTo(FeedbackSentiment.NEGATIVE);
    }

    @Test
    void praise_is_scored_positive() {
        start(TestScorers.standard());

        send(textOnly(ROUTE, "lovely driver!", at("12:07")));

        FeedbackScored score = scored.readValue();
        assertThat(score.getSentimentLabel()).isEqualTo(FeedbackSentiment.POSITIVE);
        assertThat(score.getSentiment()).isPositive();
        assertThat(score.getTopics()).containsExactly(FeedbackTopic.STAFF);
    }

    @Test
    void a_text_in_a_language_without_a_lexicon_has_an_unknown_sentiment_and_no_score() {
        start(TestScorers.standard());

        send(textOnly(ROUTE, "Der Fahrer war heute sehr unfreundlich zu allen Fahrgästen", at("12:07")));

        FeedbackScored score = scored.readValue();
        assertThat(score.getSentimentLabel()).isEqualTo(FeedbackSentiment.UNKNOWN);
        assertThat(score.getSentiment()).isNull();
        assertThat(score.getLanguage()).isEqualTo("de");
    }

    @Test
    void feedback_without_text_is_written_with_the_no_text_values() {
        start(TestScorers.standard());
        FeedbackReceived rating = stars(ROUTE, 2, at("12:07"));

        send(rating);
        send(FeedbackReceived.newBuilder(stars(ROUTE, 3, at("12:08"))).setText("   ").build());

        List<FeedbackScored> written = scored.readValuesToList();
        assertThat(written).hasSize(2).allSatisfy(score -> {
            assertThat(score.getSentimentLabel()).isEqualTo(FeedbackSentiment.NONE);
            assertThat(score.getSentiment()).isNull();
            assertThat(score.getTopics()).isEmpty();
            assertThat(score.getUrgent()).isFalse();
            assertThat(score.getLanguage()).isNull();
            assertThat(score.getScoredAt()).isEqualTo(WALL_CLOCK);
        });
        assertThat(written.get(0).getFeedback()).isEqualTo(rating);
    }

    @Test
    void an_operator_extension_file_changes_the_lexicons_reading_which_the_model_weighs() throws Exception {
        String text = "the bus was yellow";
        start(TestScorers.standard());
        send(textOnly(ROUTE, text, at("12:07")));
        FeedbackScored standard = scored.readValue();
        topology.close();

        Path extension = Files.writeString(stateDir.resolve("scoring.txt"),
                "# our operators dislike yellow buses\nvalence yellow = -2.5\ntopic yellow = cleanliness\n");
        Map<String, String> settings = settings(Map.of(StreamsAppConfig.SCORING_CONFIG_FILE, extension.toString()));
        start(settings, StreamsApp.textScorer(StreamsAppConfig.from(settings)));
        send(textOnly(ROUTE, text, at("12:08")));
        FeedbackScored extended = scored.readValue();

        assertThat(standard.getSentimentTerms()).isEmpty();
        assertThat(extended.getSentimentTerms()).containsExactly("yellow -2.5");
        assertThat(extended.getSentiment()).isLessThan(standard.getSentiment() - 0.1);
        assertThat(extended.getTopics()).containsExactly(FeedbackTopic.CLEANLINESS);
    }

    @Test
    void feedback_the_scorer_fails_on_goes_to_the_dead_letter_topic_and_still_counts_in_csat() {
        TextScorer breaksOnForeignWords = TextScorer.builder()
                .languageDetection(words -> {
                    throw new IllegalStateException("language detector broke on '" + words + "'");
                })
                .build();
        start(breaksOnForeignWords);
        FeedbackReceived foreign = FeedbackReceived.newBuilder(stars(ROUTE, 5, at("12:07")))
                .setText("Der Fahrer war heute sehr freundlich zu allen Fahrgästen").build();

        send(foreign);
        send(textOnly(ROUTE, "lovely driver!", at("12:08")));

        TestRecord<String, byte[]> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.key()).isEqualTo(ROUTE);
        assertThat(topology.serdes().feedback().deserializer().deserialize(Topics.FEEDBACK_RECEIVED, deadLetter.value()))
                .isEqualTo(foreign);
        assertThat(header(deadLetter, DeadLetterHeaders.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(deadLetter, DeadLetterHeaders.MESSAGE)).contains("language detector broke");
        assertThat(header(deadLetter, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.FEEDBACK_RECEIVED);
        assertThat(header(deadLetter, DeadLetterHeaders.OFFSET)).isEqualTo("0");
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(scored.readValuesToList()).extracting(score -> score.getFeedback().getText())
                .containsExactly("lovely driver!");
        assertThat(topology.lastUpdateOf(at("12:05")).getRatedResponses()).as("its rating still counts").isEqualTo(1);
    }

    @Test
    void every_step_has_a_versioned_name() {
        start(TestScorers.standard());
        Topology built = StreamsTopology.build(
                StreamsTopology.Settings.of(StreamsAppConfig.from(settings(Map.of()))).withCsatWindows(WINDOWS),
                TestScorers::standard, topology.serdes(), new SimpleMeterRegistry());

        String description = built.describe().toString();

        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-")
                .contains(FeedbackTopology.FEEDBACK_SOURCE, FeedbackTopology.DEDUPLICATE, FeedbackTopology.DEDUPE_STORE,
                        FeedbackTopology.SCORE, FeedbackTopology.SCORING_OUTCOMES + FeedbackTopology.SCORED,
                        FeedbackTopology.SCORING_OUTCOMES + FeedbackTopology.FAILED, FeedbackTopology.SCORED_SINK,
                        FeedbackTopology.DEAD_LETTER_SINK, Topics.FEEDBACK_SCORED, Topics.DEAD_LETTER, Topics.CSAT);
    }

    private void start(TextScorer scorer) {
        start(settings(Map.of()), scorer);
    }

    private void start(Map<String, String> settings, TextScorer scorer) {
        topology = new FeedbackTopologyDriver(settings, WINDOWS, scorer, WALL_CLOCK);
        scored = topology.driver().createOutputTopic(Topics.FEEDBACK_SCORED, new StringDeserializer(),
                topology.serdes().scored().deserializer());
        deadLetters = topology.driver().createOutputTopic(Topics.DEAD_LETTER, new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private Map<String, String> settings(Map<String, String> extra) {
        Map<String, String> settings = FeedbackTopologyDriver.settings("feedback-topology-test",
                stateDir.resolve("state"));
        settings.put(StreamsAppConfig.DEDUPE_HORIZON, HORIZON.toString());
        settings.putAll(extra);
        return settings;
    }

    private void send(FeedbackReceived event) {
        topology.send(event);
    }

    /** The same event delivered again (a retry), accepted by ingest at {@code receivedAt}. */
    private static FeedbackReceived copyReceivedAt(FeedbackReceived event, Instant receivedAt) {
        return FeedbackReceived.newBuilder(event).setReceivedAt(receivedAt).build();
    }

    private boolean remembered(FeedbackReceived event) {
        try (var copies = topology.driver().<String, Long>getWindowStore(FeedbackTopology.DEDUPE_STORE)
                .fetch(event.getEventId(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))) {
            return copies.hasNext();
        }
    }

    private double duplicatesDropped() {
        return topology.metricTotal(DeduplicateFeedback.DUPLICATES_DROPPED + "-total");
    }

    private static String header(TestRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A time of day on the test's day, e.g. {@code at("12:07")}. */
    private static Instant at(String time) {
        return Instant.parse(DAY + "T" + time + ":00Z");
    }
}
