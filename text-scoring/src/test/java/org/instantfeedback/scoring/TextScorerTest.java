package org.instantfeedback.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TextScorerTest {

    private final TextScorer scorer = Scorers.standard();

    @Test
    void reports_sentiment_topics_urgency_and_language_together() {
        TextScore score = scorer.score("Bus 42 was 25 minutes late again and the driver was rude");
        assertThat(score.label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(score.compound()).isBetween(-1.0, -0.05);
        assertThat(score.topics()).containsExactly(Topic.PUNCTUALITY, Topic.STAFF);
        assertThat(score.urgent()).isFalse();
        assertThat(score.language()).isEqualTo("en");
    }

    @Test
    void scores_the_same_from_many_threads_at_once() throws Exception {
        List<String> texts = List.of("late again smh", "Lovely driver!", "man with a knife on the bus",
                "Der Zug hatte schon wieder Verspätung", "👍", "2/5", "Great, another delay.");
        List<TextScore> expected = texts.stream().map(scorer::score).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<TextScore>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    List<TextScore> last = List.of();
                    for (int round = 0; round < 500; round++) {
                        last = texts.stream().map(scorer::score).toList();
                    }
                    return last;
                }));
            }
            for (Future<List<TextScore>> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void topics_of_a_score_cannot_be_changed() {
        TextScore score = scorer.score("late again");
        assertThatThrownBy(() -> score.topics().add(Topic.SAFETY)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void describes_what_it_loaded_for_the_start_up_log() {
        TextScorer withOperatorFile = Scorers.builder()
                .extension(ScoringConfig.parse("urgent gas leak\nvalence gridlock = -2\n", "ops.txt"))
                .maxChars(500).build();
        assertThat(withOperatorFile.toString())
                .startsWith("TextScorer[")
                .contains("transport extension on", "2 operator entries", "max 500 chars").endsWith(", model base-1]");
        assertThat(withOperatorFile.withModel(null).toString()).endsWith("max 500 chars, no model]");
    }

    @Test
    void rejects_a_cap_that_is_not_positive() {
        assertThatThrownBy(() -> TextScorer.builder().maxChars(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxChars");
    }

    @Test
    void labels_follow_vaders_thresholds() {
        assertThat(SentimentLabel.ofCompound(0.05)).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(SentimentLabel.ofCompound(0.0499)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentLabel.ofCompound(-0.05)).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(SentimentLabel.NEGATIVE.id()).isEqualTo("negative");
    }
}
