package org.instantfeedback.measures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NpsTest {

    @Test
    void is_the_share_of_promoters_minus_the_share_of_detractors() {
        assertThat(Nps.score(5, 3, 2)).hasValue(30.0);
        assertThat(Nps.score(1, 1, 1).getAsDouble()).isEqualTo(0.0);
    }

    @Test
    void runs_from_minus_one_hundred_to_one_hundred() {
        assertThat(Nps.score(0, 0, 4)).hasValue(-100.0);
        assertThat(Nps.score(4, 0, 0)).hasValue(100.0);
    }

    @Test
    void is_undefined_without_any_zero_to_ten_rating() {
        assertThat(Nps.score(0, 0, 0)).isEmpty();
    }
}
