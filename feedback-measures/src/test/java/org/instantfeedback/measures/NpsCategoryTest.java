package org.instantfeedback.measures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpsCategoryTest {

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource({"0, DETRACTOR", "6, DETRACTOR", "7, PASSIVE", "8, PASSIVE", "9, PROMOTER", "10, PROMOTER"})
    void puts_nine_and_ten_above_seven_and_eight_above_the_rest(int score, NpsCategory category) {
        assertThat(NpsCategory.of(score)).contains(category);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {-1, 11, 100})
    void places_no_score_outside_zero_to_ten(int score) {
        assertThat(NpsCategory.of(score)).isEmpty();
    }
}
