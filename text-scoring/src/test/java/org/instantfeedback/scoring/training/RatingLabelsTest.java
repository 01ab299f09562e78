package org.instantfeedback.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.instantfeedback.scoring.SentimentLabel.NEGATIVE;
import static org.instantfeedback.scoring.SentimentLabel.NEUTRAL;
import static org.instantfeedback.scoring.SentimentLabel.POSITIVE;

import org.instantfeedback.scoring.SentimentLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RatingLabelsTest {

    @Test
    void one_and_two_stars_are_negative_three_neutral_four_and_five_positive() {
        assertThat(RatingLabels.ofFivePoint(1)).isEqualTo(NEGATIVE);
        assertThat(RatingLabels.ofFivePoint(2)).isEqualTo(NEGATIVE);
        assertThat(RatingLabels.ofFivePoint(3)).isEqualTo(NEUTRAL);
        assertThat(RatingLabels.ofFivePoint(4)).isEqualTo(POSITIVE);
        assertThat(RatingLabels.ofFivePoint(5)).isEqualTo(POSITIVE);
    }

    @Test
    void on_the_recommendation_scale_detractors_are_negative_passives_neutral_promoters_positive() {
        for (int score = 0; score <= 6; score++) {
            assertThat(RatingLabels.ofRecommendation(score)).as("%d/10", score).isEqualTo(NEGATIVE);
        }
        assertThat(RatingLabels.ofRecommendation(7)).isEqualTo(NEUTRAL);
        assertThat(RatingLabels.ofRecommendation(8)).isEqualTo(NEUTRAL);
        assertThat(RatingLabels.ofRecommendation(9)).isEqualTo(POSITIVE);
        assertThat(RatingLabels.ofRecommendation(10)).isEqualTo(POSITIVE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1|NEGATIVE", "2|NEGATIVE", "3|NEUTRAL", "4|POSITIVE", "5|POSITIVE", "' 4 '|POSITIVE",
            "1/5|NEGATIVE", "3/5|NEUTRAL", "5/5|POSITIVE",
            "0/10|NEGATIVE", "6/10|NEGATIVE", "7/10|NEUTRAL", "8/10|NEUTRAL", "9/10|POSITIVE", "10/10|POSITIVE",
            "up|POSITIVE", "thumbs-up|POSITIVE", "UP|POSITIVE", "down|NEGATIVE", "thumbs-down|NEGATIVE",
            "negative|NEGATIVE", "neutral|NEUTRAL", "positive|POSITIVE", "' Positive '|POSITIVE", "NEGATIVE|NEGATIVE"})
    void every_written_form_of_a_rating_is_read(String written, SentimentLabel label) {
        assertThat(RatingLabels.parse(written)).contains(label);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "6", "-1", "0/5", "6/5", "11/5", "-1/10", "11/10", "4.5", "4/5/10", "/5", "/10",
            "5/", "", " ", "great", "unknown", "thumbs", "sideways", "five", "4 stars", "+4", "+9/10", "\u0664"})
    void out_of_range_or_garbage_ratings_are_refused(String written) {
        assertThat(RatingLabels.parse(written)).isEmpty();
    }

    @Test
    void stars_out_of_range_throw() {
        assertThatThrownBy(() -> RatingLabels.ofFivePoint(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a 5-point rating is 1 to 5, got 0");
        assertThatThrownBy(() -> RatingLabels.ofFivePoint(6))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a 5-point rating is 1 to 5, got 6");
    }

    @Test
    void recommendation_scores_out_of_range_throw() {
        assertThatThrownBy(() -> RatingLabels.ofRecommendation(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a 0-10 rating is 0 to 10, got -1");
        assertThatThrownBy(() -> RatingLabels.ofRecommendation(11))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a 0-10 rating is 0 to 10, got 11");
    }
}
