package org.instantfeedback.streams.csat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.instantfeedback.events.CsatWindow;
import org.junit.jupiter.api.Test;

class CsatTallyTest {
    private static final long T = Instant.parse("2026-05-04T12:00:00Z").toEpochMilli();

    @Test
    void ratings_of_five_four_and_two_give_a_csat_of_66_7_percent_and_an_average_of_3_67() {
        CsatTally tally = CsatTally.ofRating(5, T).plus(CsatTally.ofRating(4, T + 1)).plus(CsatTally.ofRating(2, T + 2));

        assertThat(tally.ratedResponses()).isEqualTo(3);
        assertThat(tally.satisfiedResponses()).isEqualTo(2);
        assertThat(tally.ratingSum()).isEqualTo(11);
        assertThat(tally.csatPercent()).isEqualTo(66.7);
        assertThat(tally.averageRating()).isEqualTo(3.67);
    }

    @Test
    void only_fours_and_fives_count_as_satisfied() {
        assertThat(CsatTally.ofRating(3, T).satisfiedResponses()).isZero();
        assertThat(CsatTally.ofRating(4, T).satisfiedResponses()).isEqualTo(1);
        assertThat(CsatTally.ofRating(5, T).satisfiedResponses()).isEqualTo(1);
        assertThat(CsatTally.ofRating(1, T).csatPercent()).isZero();
    }

    @Test
    void the_order_ratings_are_added_in_does_not_change_the_figures() {
        CsatTally a = CsatTally.ofRating(5, T + 5);
        CsatTally b = CsatTally.ofRating(1, T);
        CsatTally c = CsatTally.ofRating(3, T + 9);

        assertThat(a.plus(b).plus(c)).isEqualTo(c.plus(b.plus(a)));
    }

    @Test
    void keeps_the_latest_event_time_even_when_an_older_rating_arrives_last() {
        CsatTally tally = CsatTally.ofRating(5, T + 60_000).plus(CsatTally.ofRating(4, T));

        assertThat(tally.latestEventTime()).isEqualTo(T + 60_000);
    }

    @Test
    void rejects_stars_outside_one_to_five() {
        assertThatThrownBy(() -> CsatTally.ofRating(0, T)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsatTally.ofRating(6, T)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_empty_tally_shows_zero_rather_than_dividing_by_zero() {
        CsatTally empty = new CsatTally(0, 0, 0, T);

        assertThat(empty.csatPercent()).isZero();
        assertThat(empty.averageRating()).isZero();
    }

    @Test
    void becomes_the_published_csat_window_of_its_subject() {
        Instant start = Instant.ofEpochMilli(T);
        CsatWindow window = CsatTally.ofRating(4, T + 1_000).plus(CsatTally.ofRating(3, T + 2_000))
                .toCsatWindow("route-42", start, start.plusSeconds(900));

        assertThat(window.getSubject()).isEqualTo("route-42");
        assertThat(window.getWindowStart()).isEqualTo(start);
        assertThat(window.getWindowEnd()).isEqualTo(start.plusSeconds(900));
        assertThat(window.getRatedResponses()).isEqualTo(2);
        assertThat(window.getSatisfiedResponses()).isEqualTo(1);
        assertThat(window.getRatingSum()).isEqualTo(7);
        assertThat(window.getCsatPercent()).isEqualTo(50.0);
        assertThat(window.getAverageRating()).isEqualTo(3.5);
        assertThat(window.getUpdatedAt()).isEqualTo(Instant.ofEpochMilli(T + 2_000));
    }
}
