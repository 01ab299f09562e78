package org.instantfeedback.local.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpsDecisionsTest {
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    @Test
    void answers_about_the_given_share_of_waiting_passengers_each_within_the_longest_wait() {
        OpsDecisions ops = new OpsDecisions(new OpsPace(0.7, LONGEST_WAIT), 1);

        List<OpsDecisions.Plan> plans = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ops.consider(open("c" + i, "2026-12-07T08:00:00Z")).ifPresent(plans::add);
        }

        assertThat(plans).hasSizeBetween(650, 750).allSatisfy(plan -> {
            assertThat(plan.act()).isEqualTo(OpsDecisions.Act.ANSWER);
            assertThat(plan.after()).isBetween(Duration.ZERO, LONGEST_WAIT);
            assertThat(plan.text()).isNotBlank();
            assertThat(plan.by()).endsWith("(simulated ops)");
        });
    }

    @Test
    void answers_a_passengers_message_once_however_often_the_inbox_still_shows_it() {
        OpsDecisions ops = new OpsDecisions(new OpsPace(1.0, LONGEST_WAIT), 2);

        Optional<OpsDecisions.Plan> first = ops.consider(open("c1", "2026-12-07T08:00:00Z"));
        Optional<OpsDecisions.Plan> again = ops.consider(open("c1", "2026-12-07T08:00:00Z"));
        Optional<OpsDecisions.Plan> afterTheirNextMessage = ops.consider(open("c1", "2026-12-07T08:05:00Z"));

        assertThat(first).isPresent();
        assertThat(again).isEmpty();
        assertThat(afterTheirNextMessage).isPresent();
    }

    @Test
    void closes_about_half_of_the_conversations_it_answered_and_none_it_did_not() {
        OpsDecisions ops = new OpsDecisions(new OpsPace(1.0, LONGEST_WAIT), 3);

        List<OpsDecisions.Plan> closings = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ops.consider(new OpsDecisions.Seen("a" + i, "waiting", "", "2026-12-07T08:01:00Z", 1))
                    .ifPresent(closings::add);
        }
        Optional<OpsDecisions.Plan> unanswered = ops.consider(
                new OpsDecisions.Seen("u", "waiting", "", "2026-12-07T08:01:00Z", 0));
        Optional<OpsDecisions.Plan> closed = ops.consider(
                new OpsDecisions.Seen("z", "closed", "", "2026-12-07T08:01:00Z", 2));

        assertThat(closings).hasSizeBetween(420, 580)
                .allSatisfy(plan -> assertThat(plan.act()).isEqualTo(OpsDecisions.Act.CLOSE));
        assertThat(unanswered).isEmpty();
        assertThat(closed).isEmpty();
    }

    @Test
    void a_share_of_none_leaves_every_passenger_to_a_person() {
        OpsDecisions ops = new OpsDecisions(new OpsPace(0, LONGEST_WAIT), 4);

        assertThat(ops.consider(open("c1", "2026-12-07T08:00:00Z"))).isEmpty();
    }

    @Test
    void decides_again_about_a_conversation_that_left_the_inbox_and_came_back() {
        OpsDecisions ops = new OpsDecisions(new OpsPace(1.0, LONGEST_WAIT), 5);
        ops.consider(open("c1", "2026-12-07T08:00:00Z"));

        ops.keepOnly(Set.of());

        assertThat(ops.consider(open("c1", "2026-12-07T08:00:00Z"))).isPresent();
    }

    private static OpsDecisions.Seen open(String id, String waitingSince) {
        return new OpsDecisions.Seen(id, "open", waitingSince, waitingSince, 0);
    }
}
