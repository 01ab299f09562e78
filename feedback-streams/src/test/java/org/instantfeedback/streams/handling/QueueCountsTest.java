package org.instantfeedback.streams.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.instantfeedback.streams.conversations.HandlingFact;
import org.instantfeedback.streams.conversations.HandlingFact.Kind;
import org.junit.jupiter.api.Test;

class QueueCountsTest {
    private static final Instant AT = Instant.parse("2026-05-04T08:00:00Z");

    @Test
    void an_end_that_finds_nothing_to_end_leaves_the_counts_at_zero() {
        QueueCounts counts = QueueCounts.NONE.after(fact(Kind.OVERDUE_ENDED)).after(fact(Kind.WAITING_ENDED));

        assertThat(counts).isEqualTo(QueueCounts.NONE);
    }

    @Test
    void starts_and_ends_add_up_and_other_facts_change_nothing() {
        QueueCounts counts = QueueCounts.NONE.after(fact(Kind.WAITING_STARTED)).after(fact(Kind.WAITING_STARTED))
                .after(fact(Kind.OVERDUE_STARTED)).after(fact(Kind.RESPONSE)).after(fact(Kind.OVERDUE_ENDED))
                .after(fact(Kind.WAITING_ENDED));

        assertThat(counts).isEqualTo(new QueueCounts(1, 0));
    }

    private static HandlingFact fact(Kind kind) {
        return new HandlingFact(kind, "c.1", "route-42", null, 0, 0, AT, null);
    }
}
