package org.instantfeedback.streams.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.events.FeedbackSentiment;
import org.instantfeedback.events.FeedbackTopic;
import org.instantfeedback.scoring.SentimentLabel;
import org.instantfeedback.scoring.Topic;
import org.instantfeedback.streams.csat.Feedback;
import org.junit.jupiter.api.Test;

/** The FeedbackScored contract against what text-scoring can say. */
class ScoreFeedbackTest {
    private static final Instant NOW = Instant.parse("2026-05-04T12:00:00Z");

    @Test
    void every_topic_text_scoring_knows_has_a_symbol_of_the_same_name_in_the_schema() {
        assertThat(ScoreFeedback.topicSymbols()).hasSize(Topic.values().length).allSatisfy((topic, symbol) ->
                assertThat(symbol.name()).isEqualTo(topic.id().toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void every_sentiment_label_keeps_its_name_in_the_schema() {
        for (SentimentLabel label : SentimentLabel.values()) {
            assertThat(ScoreFeedback.sentiment(label).name()).isEqualTo(label.name());
        }
    }

    @Test
    void topics_come_out_once_each_in_the_order_of_the_symbols() {
        FeedbackScored scored = ScoreFeedback.score(TestScorers.standard(),
                Feedback.textOnly("route-42", "bus late again, the driver was rude and the bus late", NOW), NOW);

        assertThat(scored.getTopics()).containsExactly(FeedbackTopic.PUNCTUALITY, FeedbackTopic.STAFF);
        assertThat(scored.getSentimentLabel()).isEqualTo(FeedbackSentiment.NEGATIVE);
        assertThat(scored.getScoredAt()).isEqualTo(NOW);
    }
}
