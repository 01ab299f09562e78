package org.instantfeedback.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentEventIdsTest {
    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final RecentEventIds ids = new RecentEventIds(Duration.ofMinutes(10), 3, now::get);

    @Test
    void remembers_ids_for_the_horizon() {
        ids.remember("twilio:SM1");

        now.addAndGet(TimeUnit.MINUTES.toNanos(9));
        assertThat(ids.contains("twilio:SM1")).isTrue();
        now.addAndGet(TimeUnit.MINUTES.toNanos(1));
        assertThat(ids.contains("twilio:SM1")).isFalse();
        assertThat(ids.contains("twilio:SM2")).isFalse();
    }

    @Test
    void forgets_the_oldest_ids_beyond_its_size() {
        for (int i = 1; i <= 5; i++) {
            ids.remember("id-" + i);
        }

        assertThat(ids.size()).isEqualTo(3);
        assertThat(ids.contains("id-1")).isFalse();
        assertThat(ids.contains("id-2")).isFalse();
        assertThat(ids.contains("id-5")).isTrue();
    }

    @Test
    void drops_expired_ids_as_new_ones_come() {
        ids.remember("old");
        now.addAndGet(TimeUnit.MINUTES.toNanos(11));

        ids.remember("new");

        assertThat(ids.size()).isEqualTo(1);
    }
}
