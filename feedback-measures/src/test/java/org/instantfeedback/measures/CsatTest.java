package org.instantfeedback.measures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsatTest {

    @ParameterizedTest(name = "{0} stars satisfied: {1}")
    @CsvSource({"1, false", "2, false", "3, false", "4, true", "5, true"})
    void counts_four_and_five_of_five_as_satisfied(int fivePoint, boolean satisfied) {
        assertThat(Csat.isSatisfied(fivePoint)).isEqualTo(satisfied);
    }

    @Test
    void is_the_share_of_satisfied_ratings_in_percent_unrounded() {
        assertThat(Csat.percent(2, 3).getAsDouble()).isEqualTo(100.0 * 2 / 3);
        assertThat(Csat.percent(3, 4)).hasValue(75.0);
    }

    @Test
    void is_undefined_when_nothing_was_rated() {
        assertThat(Csat.percent(0, 0)).isEmpty();
    }
}
