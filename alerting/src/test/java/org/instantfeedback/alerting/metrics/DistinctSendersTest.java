package org.instantfeedback.alerting.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistinctSendersTest {

    @Test
    void counts_each_sender_once() {
        DistinctSenders senders = DistinctSenders.none().with("anna").with("ben").with("anna").with("anna");

        assertThat(senders.count()).isEqualTo(2);
        assertThat(senders.isExact()).isTrue();
    }

    @Test
    void counts_exactly_up_to_the_cap() {
        DistinctSenders senders = sendersNamed("pseudonym-", 0, DistinctSenders.EXACT_CAP);

        assertThat(senders.isExact()).isTrue();
        assertThat(senders.count()).isEqualTo(DistinctSenders.EXACT_CAP);
    }

    @Test
    void switches_to_an_estimate_beyond_the_cap() {
        DistinctSenders senders = sendersNamed("pseudonym-", 0, DistinctSenders.EXACT_CAP + 1);

        assertThat(senders.isExact()).isFalse();
        assertThat(senders.count()).isBetween(120L, 140L);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 1_000, 3_000, 10_000, 100_000})
    void estimates_within_three_standard_errors_of_the_truth(int truth) {
        DistinctSenders senders = sendersNamed("hmac-", 0, truth);

        double error = Math.abs(senders.count() - truth) / (double) truth;
        assertThat(error).isLessThanOrEqualTo(3 * DistinctSenders.STANDARD_ERROR);
    }

    @Test
    void merging_counts_the_union_in_exact_and_approximate_mode() {
        DistinctSenders small = sendersNamed("s-", 0, 50).merge(sendersNamed("s-", 30, 80));
        DistinctSenders large = sendersNamed("s-", 0, 5_000).merge(sendersNamed("s-", 2_500, 7_500));

        assertThat(small.count()).isEqualTo(80);
        assertThat(small.isExact()).isTrue();
        assertThat(large).isEqualTo(sendersNamed("s-", 0, 7_500));
        assertThat(Math.abs(large.count() - 7_500) / 7_500.0).isLessThan(3 * DistinctSenders.STANDARD_ERROR);
    }

    @Test
    void merging_two_exact_sets_past_the_cap_gives_the_same_estimate_as_adding_one_by_one() {
        DistinctSenders merged = sendersNamed("s-", 0, 100).merge(sendersNamed("s-", 100, 200));

        assertThat(merged).isEqualTo(sendersNamed("s-", 0, 200));
        assertThat(merged.isExact()).isFalse();
    }

    private static DistinctSenders sendersNamed(String prefix, int from, int to) {
        DistinctSenders senders = DistinctSenders.none();
        for (int i = from; i < to; i++) {
            senders = senders.with(prefix + i);
        }
        return senders;
    }
}
