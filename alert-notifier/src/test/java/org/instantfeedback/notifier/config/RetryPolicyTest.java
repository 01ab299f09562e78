package org.instantfeedback.notifier.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void the_wait_doubles_with_each_retry_up_to_the_cap() {
        assertThat(policy.ceilingMillis(1)).isEqualTo(1_000);
        assertThat(policy.ceilingMillis(2)).isEqualTo(2_000);
        assertThat(policy.ceilingMillis(9)).isEqualTo(256_000);
        assertThat(policy.ceilingMillis(10)).isEqualTo(300_000);
        assertThat(policy.ceilingMillis(10_000)).isEqualTo(300_000);
    }

    @Test
    void jitter_spreads_each_wait_between_half_and_all_of_its_ceiling() {
        Random random = new Random(20261122);
        for (int retry = 1; retry <= 12; retry++) {
            long ceiling = policy.ceilingMillis(retry);
            for (int i = 0; i < 200; i++) {
                assertThat(policy.backoff(retry, random).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
        assertThat(java.util.stream.IntStream.range(0, 50).mapToLong(i -> policy.backoff(5, random).toMillis())
                .distinct().count()).as("waits differ, so notifiers do not retry in lockstep").isGreaterThan(40);
    }
}
