package org.instantfeedback.alerting.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.instantfeedback.alerting.Feedback.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.instantfeedback.alerting.FeedbackObservation;
import org.junit.jupiter.api.Test;

class WindowMetricsTest {
    private static final Instant T0 = Instant.parse("2025-03-10T08:00:00Z");
    private static final Instant END = T0.plusSeconds(900);

    @Test
    void counts_csat_and_average_from_five_point_ratings_only() {
        WindowMetrics metrics = metricsOf(
                feedback().stars(5).build(), feedback().stars(4).build(), feedback().stars(2).build(),
                feedback().likelihoodToRecommend(10).build(), feedback().rating(1, "THUMBS").build());

        ResponseCounts counts = metrics.counts();
        assertThat(counts.responses()).isEqualTo(5);
        assertThat(counts.ratedResponses()).isEqualTo(3);
        assertThat(counts.csatPercent().getAsDouble()).isCloseTo(66.67, offset(0.01));
        assertThat(counts.averageRating().getAsDouble()).isCloseTo(3.67, offset(0.01));
    }

    @Test
    void computes_nps_as_promoters_minus_detractors_in_percent() {
        WindowMetrics metrics = metricsOf(
                feedback().likelihoodToRecommend(10).build(), feedback().likelihoodToRecommend(9).build(),
                feedback().likelihoodToRecommend(9).build(), feedback().likelihoodToRecommend(8).build(),
                feedback().likelihoodToRecommend(7).build(), feedback().likelihoodToRecommend(6).build(),
                feedback().likelihoodToRecommend(0).build(), feedback().likelihoodToRecommend(10).build());

        ResponseCounts counts = metrics.counts();
        assertThat(counts.promoters()).isEqualTo(4);
        assertThat(counts.passives()).isEqualTo(2);
        assertThat(counts.detractors()).isEqualTo(2);
        assertThat(counts.nps().getAsDouble()).isEqualTo(25.0);
    }

    @Test
    void has_no_nps_without_ratings_on_the_zero_to_ten_scale() {
        WindowMetrics metrics = metricsOf(feedback().stars(5).build(), feedback().positive("great").build());

        assertThat(metrics.counts().nps()).isEmpty();
        assertThat(metrics.figures(T0, END).counts().csatPercent()).hasValue(100.0);
    }

    @Test
    void ignores_ratings_outside_their_scale() {
        WindowMetrics metrics = metricsOf(feedback().stars(6).build(), feedback().likelihoodToRecommend(11).build());

        assertThat(metrics.counts().responses()).isEqualTo(2);
        assertThat(metrics.counts().ratedResponses()).isZero();
        assertThat(metrics.counts().npsResponses()).isZero();
    }

    @Test
    void takes_the_negative_share_over_texts_whose_sentiment_was_read() {
        WindowMetrics metrics = metricsOf(
                feedback().negative("late").build(), feedback().negative("dirty").build(),
                feedback().positive("nice").build(), feedback().neutral("ok").build(),
                feedback().text("texto en otro idioma", "unknown").build(), feedback().stars(5).build());

        assertThat(metrics.counts().scoredTexts()).isEqualTo(4);
        assertThat(metrics.counts().negativeTexts()).isEqualTo(2);
        assertThat(metrics.counts().negativeSharePercent()).hasValue(50.0);
    }

    @Test
    void counts_complaints_from_negative_texts_low_ratings_detractors_and_urgent_reports() {
        WindowMetrics metrics = metricsOf(
                feedback().negative("late").build(), feedback().stars(3).build(), feedback().stars(4).build(),
                feedback().likelihoodToRecommend(6).build(), feedback().likelihoodToRecommend(7).build(),
                feedback().urgent("someone is threatening the driver").build(), feedback().positive("nice").build());

        assertThat(metrics.counts().complaints()).isEqualTo(4);
        assertThat(metrics.counts().urgentReports()).isEqualTo(1);
    }

    @Test
    void counts_distinct_senders_and_distinct_complainants_apart() {
        WindowMetrics metrics = metricsOf(
                feedback().from("anna").negative("late").build(), feedback().from("anna").negative("late again").build(),
                feedback().from("ben").positive("fine").build(), feedback().from("cleo").stars(1).build(),
                feedback().positive("anonymous praise").build());

        WindowFigures figures = metrics.figures(T0, END);
        assertThat(figures.distinctSenders()).isEqualTo(3);
        assertThat(figures.complainants()).isEqualTo(2);
        assertThat(figures.sendersExact()).isTrue();
    }

    @Test
    void names_the_three_most_mentioned_topics() {
        WindowMetrics metrics = metricsOf(
                feedback().topics("punctuality", "staff").build(), feedback().topics("punctuality").build(),
                feedback().topics("cleanliness", "staff").build(), feedback().topics("punctuality").build(),
                feedback().topics("crowding").build());

        assertThat(metrics.topTopics()).containsExactly(new TopicCount("punctuality", 3), new TopicCount("staff", 2),
                new TopicCount("cleanliness", 1));
    }

    @Test
    void keeps_the_three_newest_complaint_texts_as_examples() {
        WindowMetrics metrics = metricsOf(
                feedback().at(T0.plusSeconds(10)).negative("first").build(),
                feedback().at(T0.plusSeconds(40)).negative("fourth").build(),
                feedback().at(T0.plusSeconds(20)).negative("second").build(),
                feedback().at(T0.plusSeconds(50)).positive("praise is no example").build(),
                feedback().at(T0.plusSeconds(30)).negative("third").build());

        assertThat(metrics.figures(T0, END).examples()).containsExactly("fourth", "third", "second");
        assertThat(metrics.latestEventAt()).isEqualTo(T0.plusSeconds(50));
    }

    @Test
    void the_event_ids_of_the_examples_follow_them_newest_first_whichever_way_windows_merge() {
        WindowMetrics early = metricsOf(
                feedback().id("sms-1").at(T0.plusSeconds(10)).negative("first").build(),
                feedback().id("sms-4").at(T0.plusSeconds(40)).negative("fourth").build());
        WindowMetrics late = metricsOf(
                feedback().id("sms-2").at(T0.plusSeconds(20)).negative("second").build(),
                feedback().id("sms-3").at(T0.plusSeconds(30)).negative("third").build());

        for (WindowMetrics merged : List.of(early.merge(late), late.merge(early))) {
            WindowFigures figures = merged.figures(T0, END);
            assertThat(figures.examples()).containsExactly("fourth", "third", "second");
            assertThat(figures.exampleEventIds()).containsExactly("sms-4", "sms-3", "sms-2");
        }
    }

    @Test
    void cuts_long_example_texts() {
        WindowMetrics metrics = metricsOf(feedback().negative("x".repeat(1000)).build());

        assertThat(metrics.examples().get(0).text()).hasSize(ExampleText.MAX_CHARS).endsWith("\u2026");
    }

    @Test
    void an_example_shows_how_its_text_read_and_a_long_text_is_cut_before_its_reading() {
        WindowMetrics metrics = metricsOf(
                feedback().at(T0.plusSeconds(10)).negative("driver rude again").reading("negative 94%: rude -2.0").build(),
                feedback().at(T0.plusSeconds(20)).negative("y".repeat(1000)).reading("negative 71%").build());

        assertThat(metrics.figures(T0, END).examples()).containsExactly(
                "y".repeat(ExampleText.MAX_CHARS - " (negative 71%)".length() - 1) + "\u2026 (negative 71%)",
                "driver rude again (negative 94%: rude -2.0)");
    }

    @Test
    void merging_is_associative_and_order_independent() {
        List<FeedbackObservation> all = mixedFeedback(60);
        WindowMetrics a = metricsOf(all.subList(0, 20));
        WindowMetrics b = metricsOf(all.subList(20, 45));
        WindowMetrics c = metricsOf(all.subList(45, 60));

        WindowMetrics left = a.merge(b).merge(c);
        WindowMetrics right = a.merge(b.merge(c));
        WindowMetrics shuffled = c.merge(a).merge(b);

        assertThat(left).isEqualTo(right).isEqualTo(shuffled).isEqualTo(metricsOf(all));
    }

    @Test
    void merging_with_nothing_changes_nothing() {
        WindowMetrics metrics = metricsOf(mixedFeedback(10));

        assertThat(metrics.merge(WindowMetrics.empty())).isEqualTo(metrics);
        assertThat(WindowMetrics.empty().merge(metrics)).isEqualTo(metrics);
    }

    @Test
    void an_empty_window_has_no_rates() {
        WindowFigures figures = WindowFigures.empty(T0, END);

        assertThat(figures.counts().csatPercent()).isEmpty();
        assertThat(figures.counts().negativeSharePercent()).isEmpty();
        assertThat(figures.latestEventAt()).isNull();
        assertThat(figures.size()).hasMinutes(15);
    }

    static List<FeedbackObservation> mixedFeedback(int n) {
        List<FeedbackObservation> all = new ArrayList<>();
        String[] sentiments = {"negative", "positive", "neutral", "unknown"};
        String[] topics = {"punctuality", "staff", "cleanliness", "safety"};
        for (int i = 0; i < n; i++) {
            all.add(feedback().at(T0.plusSeconds(i * 7L % 900)).from("sender-" + i % 13)
                    .text("text number " + i, sentiments[i % 4]).topics(topics[i % 4], topics[i * 3 % 4])
                    .rating(i % 5 + 1, i % 2 == 0 ? "STARS_5" : "NPS_0_10").build());
        }
        return all;
    }

    private static WindowMetrics metricsOf(FeedbackObservation... observations) {
        return metricsOf(List.of(observations));
    }

    private static WindowMetrics metricsOf(List<FeedbackObservation> observations) {
        WindowMetrics metrics = WindowMetrics.empty();
        for (FeedbackObservation observation : observations) {
            metrics = metrics.add(observation);
        }
        return metrics;
    }
}
