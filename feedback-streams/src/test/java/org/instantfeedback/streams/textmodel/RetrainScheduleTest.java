package org.instantfeedback.streams.textmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.instantfeedback.events.TextModelPublished;
import org.instantfeedback.scoring.BundledModel;
import org.junit.jupiter.api.Test;

class RetrainScheduleTest {
    private static final Instant START = Instant.parse("2026-12-06T08:00:00Z");
    /** At least 200 examples, after 1,000 new ones or 6 hours with some, never within 15 minutes. */
    private static final TextModelSettings SETTINGS = TextModelSettings.from(Map.of());

    private final RetrainSchedule schedule = new RetrainSchedule(SETTINGS, START);

    @Test
    void the_first_round_waits_for_the_minimum_of_examples_and_enough_new_ones() {
        assertThat(schedule.due(199, 1_500, Optional.empty(), 1, START)).as("too few examples").isFalse();
        assertThat(schedule.due(900, 900, Optional.empty(), 1, START)).as("fewer new than 1,000").isFalse();
        assertThat(schedule.due(1_000, 1_000, Optional.empty(), 1, START)).isTrue();
    }

    @Test
    void a_later_round_waits_for_the_gap_however_many_texts_come() {
        schedule.started(1_000, START);

        assertThat(schedule.due(5_000, 5_000, Optional.empty(), 1, START.plus(Duration.ofMinutes(14)))).isFalse();
        assertThat(schedule.due(5_000, 5_000, Optional.empty(), 1, START.plus(Duration.ofMinutes(15)))).isTrue();
        assertThat(schedule.due(5_000, 1_999, Optional.empty(), 1, START.plus(Duration.ofMinutes(15))))
                .as("999 new texts").isFalse();
    }

    @Test
    void a_few_new_texts_are_learned_after_six_hours_and_none_never() {
        schedule.started(1_000, START);

        assertThat(schedule.due(1_001, 1_001, Optional.empty(), 1, START.plus(Duration.ofHours(5)))).isFalse();
        assertThat(schedule.due(1_001, 1_001, Optional.empty(), 1, START.plus(Duration.ofHours(6)))).isTrue();
        assertThat(schedule.due(1_000, 1_000, Optional.empty(), 1, START.plus(Duration.ofDays(3)))).isFalse();
    }

    @Test
    void after_a_hand_over_the_gap_and_the_count_run_from_the_latest_promoted_model() {
        PublishedModel latest = published(START.plus(Duration.ofMinutes(10)), 4_000);

        assertThat(schedule.due(4_500, 4_500, Optional.of(latest), 2, START.plus(Duration.ofMinutes(20))))
                .as("within 15 minutes of the other instance's round").isFalse();
        assertThat(schedule.due(4_500, 4_500, Optional.of(latest), 2, START.plus(Duration.ofMinutes(30))))
                .as("only 500 new since it").isFalse();
        assertThat(schedule.due(5_000, 5_000, Optional.of(latest), 2, START.plus(Duration.ofMinutes(30)))).isTrue();
    }

    @Test
    void no_round_starts_before_the_feed_has_read_what_this_instance_published() {
        schedule.started(1_000, START);
        schedule.published(1);

        Instant later = START.plus(Duration.ofHours(1));
        assertThat(schedule.due(3_000, 3_000, Optional.empty(), 1, later)).as("op-1 not read yet").isFalse();
        assertThat(schedule.due(3_000, 3_000, Optional.of(published(START, 1_000)), 2, later)).isTrue();
    }

    private static PublishedModel published(Instant createdAt, long examplesThrough) {
        return new PublishedModel(BundledModel.load(), TextModelPublished.newBuilder()
                .setVersion("op-1").setParent("base-1").setCreatedAt(createdAt).setLanguages(List.of("en", "und"))
                .setTrainedOn(800).setHeldBack(200).setExamplesThrough(examplesThrough).setJudgedAgainst("base-1")
                .setAccuracy(0.9).setNegativeF1(0.9).setJudgedAgainstAccuracy(0.8).setJudgedAgainstNegativeF1(0.8)
                .setModel(ByteBuffer.allocate(0)).build());
    }
}
