package org.instantfeedback.ingest.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void lets_a_key_burst_then_refills_at_its_rate() {
        TokenBuckets buckets = new TokenBuckets(6, 3, 1_000, now::get);

        assertThat(buckets.tryTake("a")).isEmpty();
        assertThat(buckets.tryTake("a")).isEmpty();
        assertThat(buckets.tryTake("a")).isEmpty();
        assertThat(buckets.tryTake("a")).isEqualTo(OptionalLong.of(10));
        assertThat(buckets.tryTake("b")).as("another key has its own bucket").isEmpty();

        advance(9);
        assertThat(buckets.tryTake("a")).isEqualTo(OptionalLong.of(1));
        advance(1);
        assertThat(buckets.tryTake("a")).isEmpty();
        assertThat(buckets.tryTake("a")).isPresent();
    }

    @Test
    void forgets_keys_whose_buckets_filled_up_again_when_it_needs_room() {
        TokenBuckets buckets = new TokenBuckets(60, 1, 2, now::get);
        buckets.tryTake("a");
        buckets.tryTake("b");

        advance(2);
        assertThat(buckets.tryTake("c")).isEmpty();
        assertThat(buckets.tracked()).isEqualTo(1);
    }

    @Test
    void never_holds_more_keys_than_allowed_and_lets_untracked_keys_pass() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 2, now::get);
        buckets.tryTake("a");
        buckets.tryTake("b");

        for (int i = 0; i < 100; i++) {
            assertThat(buckets.tryTake("flood-" + i)).isEmpty();
        }
        assertThat(buckets.tracked()).isEqualTo(2);
        assertThat(buckets.tryTake("a")).as("a key being limited stays limited").isPresent();
    }

    private void advance(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }
}
