package org.instantfeedback.measures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingNormalisationTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "STARS_5, 1, 1, false", "STARS_5, 3, 3, false", "STARS_5, 4, 4, true", "STARS_5, 5, 5, true",
        "SMILEY_4, 1, 1, false", "SMILEY_4, 2, 2, false", "SMILEY_4, 3, 4, true", "SMILEY_4, 4, 5, true",
        "THUMBS, 0, 1, false", "THUMBS, 1, 5, true"})
    void counts_every_csat_scale_on_the_five_point_scale(String scale, int value, int fivePoint,
            boolean satisfied) {
        assertThat(RatingNormalisation.fivePointEquivalent(scale, value)).contains(fivePoint);
        assertThat(RatingNormalisation.satisfied(scale, value)).contains(satisfied);
        assertThat(RatingNormalisation.npsCategory(scale, value)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0, DETRACTOR", "6, DETRACTOR", "7, PASSIVE", "8, PASSIVE", "9, PROMOTER", "10, PROMOTER"})
    void counts_only_the_zero_to_ten_scale_towards_nps(int value, NpsCategory category) {
        assertThat(RatingNormalisation.npsCategory("NPS_0_10", value)).contains(category);
        assertThat(RatingNormalisation.satisfied("NPS_0_10", value)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"UNKNOWN, 3", "STARS_5, 0", "STARS_5, 6", "SMILEY_4, 5", "THUMBS, 2", "NPS_0_10, 11"})
    void counts_ratings_it_cannot_place_nowhere(String scale, int value) {
        assertThat(RatingNormalisation.satisfied(scale, value)).isEmpty();
        assertThat(RatingNormalisation.npsCategory(scale, value)).isEmpty();
    }
}
