package org.instantfeedback.scoring.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.instantfeedback.scoring.Scorers;
import org.instantfeedback.scoring.SentimentLabel;
import org.instantfeedback.scoring.TextScore;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.scoring.model.SentimentEvaluation;
import org.instantfeedback.scoring.training.CorpusFormat;
import org.instantfeedback.scoring.training.CorpusReader;
import org.instantfeedback.scoring.training.LabelledText;
import org.instantfeedback.scoring.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lexicon's accuracy (no model: its reading is one of the model's features, and the
 * explanation of every reading) with thresholds, on VADER's four human-rated sets (the paper's cut: mean rating above
 * +0.5 positive, below -0.5 negative) and on our hand-labelled passenger messages. Thresholds sit
 * just under the measured figures, so a change that makes the scorer worse fails here. The figures
 * are printed as a table (target/surefire-reports/*AccuracyTest-output.txt) for docs/reading-texts.md.
 */
class AccuracyTest {

    private static final String VADER_SETS = "/org/instantfeedback/scoring/vader/";
    private static final List<String> TABLE = new ArrayList<>();

    private final TextScorer scorer = Scorers.lexicon();
    private final TextScorer vader = Scorers.plainVader();

    /** On tweets the negative F1 is level with plain VADER's (0.883 with the extension, 0.884 without). */
    @ParameterizedTest(name = "{0}: accuracy at least {2}, negative F1 at least {3}, positive F1 at least {4}")
    @CsvSource({
        "tweets,         tweets_GroundTruth.txt,               0.80, 0.88, 0.87",
        "amazon reviews, amazonReviewSnippets_GroundTruth.txt, 0.59, 0.54, 0.71",
        "movie reviews,  movieReviewSnippets_GroundTruth.txt,  0.54, 0.51, 0.65",
        "nyt editorials, nytEditorialSnippets_GroundTruth.txt, 0.55, 0.58, 0.50"})
    void vaders_human_rated_sets_read_above_their_thresholds_and_within_half_a_point_of_plain_vaders_accuracy(
            String name, String file, double accuracy, double negativeF1, double positiveF1) {
        SentimentEvaluation counts = humanRated(name, file);
        assertThat(counts.accuracy()).as("accuracy").isGreaterThanOrEqualTo(accuracy);
        assertThat(counts.f1(SentimentLabel.NEGATIVE)).as("negative F1").isGreaterThanOrEqualTo(negativeF1);
        assertThat(counts.f1(SentimentLabel.POSITIVE)).as("positive F1").isGreaterThanOrEqualTo(positiveF1);
    }

    @Test
    void passenger_messages_the_rules_were_tuned_on_read_at_least_0_86_accurately_and_15_points_above_plain_vader() {
        List<PassengerMessage> messages = PassengerMessage.loadFixture();
        assertThat(messages).hasSizeGreaterThanOrEqualTo(300);
        assertThat(messages).filteredOn(PassengerMessage::urgent).hasSizeGreaterThanOrEqualTo(25);
        assertThat(messages).filteredOn(m -> m.label() == SentimentLabel.UNKNOWN).hasSizeGreaterThanOrEqualTo(25);

        PassengerFigures figures = passenger("passenger messages (tuned on)", messages);
        assertThat(figures.labels().accuracy()).isGreaterThanOrEqualTo(0.86);
        assertThat(figures.labels().f1(SentimentLabel.NEGATIVE)).isGreaterThanOrEqualTo(0.88);
        assertThat(figures.labels().f1(SentimentLabel.POSITIVE)).isGreaterThanOrEqualTo(0.86);
        assertThat(figures.labels().f1(SentimentLabel.UNKNOWN)).isGreaterThanOrEqualTo(0.95);
        assertThat(figures.urgentRecall()).isEqualTo(1.0);
        assertThat(figures.urgentPrecision()).isGreaterThanOrEqualTo(0.95);
        assertThat(figures.topicPrecision()).isGreaterThanOrEqualTo(0.87);
        assertThat(figures.topicRecall()).isGreaterThanOrEqualTo(0.90);
        assertThat(figures.languageAccuracy()).isGreaterThanOrEqualTo(0.98);
        assertThat(figures.labels().accuracy()).isGreaterThan(figures.vaderLabels().accuracy() + 0.15);
    }

    @Test
    void held_out_passenger_messages_read_at_least_0_80_accurately_and_10_points_above_plain_vader() {
        List<PassengerMessage> messages = PassengerMessage.load(
                "/org/instantfeedback/scoring/passenger_messages_holdout.tsv");
        assertThat(messages).hasSizeGreaterThanOrEqualTo(100);

        PassengerFigures figures = passenger("passenger messages (held out)", messages);
        assertThat(figures.labels().accuracy()).isGreaterThanOrEqualTo(0.80);
        assertThat(figures.labels().f1(SentimentLabel.NEGATIVE)).isGreaterThanOrEqualTo(0.84);
        assertThat(figures.labels().f1(SentimentLabel.POSITIVE)).isGreaterThanOrEqualTo(0.82);
        assertThat(figures.urgentRecall()).isEqualTo(1.0);
        assertThat(figures.urgentPrecision()).isGreaterThanOrEqualTo(0.85);
        assertThat(figures.topicPrecision()).isGreaterThanOrEqualTo(0.75);
        assertThat(figures.topicRecall()).isGreaterThanOrEqualTo(0.84);
        assertThat(figures.languageAccuracy()).isGreaterThanOrEqualTo(0.97);
        assertThat(figures.labels().accuracy()).isGreaterThan(figures.vaderLabels().accuracy() + 0.10);
    }

    @AfterAll
    static void printTable() {
        System.out.println();
        System.out.println("| set | scorer | n | 3-class accuracy | negative F1 | positive F1 | urgent P / R | topics P / R | language |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        TABLE.stream().sorted().forEach(System.out::println);
        System.out.println();
    }

    private SentimentEvaluation humanRated(String name, String file) {
        SentimentEvaluation full = new SentimentEvaluation();
        SentimentEvaluation plain = new SentimentEvaluation();
        for (LabelledText example : CorpusReader.read(ModelAccuracyTest.resource(VADER_SETS + file),
                CorpusFormat.VADER_SENTENCES)) {
            full.add(example.label(), scorer.score(example.text()).label());
            plain.add(example.label(), vader.score(example.text()).label());
        }
        row(name, "VADER only", plain, "", "", "");
        row(name, "VADER + transport", full, "", "", "");
        // the transport extension must not cost accuracy on general text
        assertThat(full.accuracy()).as("accuracy against plain VADER's %.3f", plain.accuracy())
                .isGreaterThanOrEqualTo(plain.accuracy() - 0.005);
        return full;
    }

    private PassengerFigures passenger(String name, List<PassengerMessage> messages) {
        PassengerFigures figures = new PassengerFigures();
        for (PassengerMessage message : messages) {
            figures.add(message, scorer.score(message.text()), vader.score(message.text()));
        }
        row(name, "VADER only", figures.vaderLabels(), "", "", "");
        row(name, "VADER + transport", figures.labels(),
                String.format("%.3f / %.3f", figures.urgentPrecision(), figures.urgentRecall()),
                String.format("%.3f / %.3f", figures.topicPrecision(), figures.topicRecall()),
                String.format("%.3f", figures.languageAccuracy()));
        return figures;
    }

    private static void row(String set, String scorerName, SentimentEvaluation counts, String urgent, String topics,
                            String language) {
        synchronized (TABLE) {
            TABLE.add(String.format("| %s | %s | %d | %.3f | %.3f | %.3f | %s | %s | %s |", set, scorerName,
                    counts.total(), counts.accuracy(), counts.f1(SentimentLabel.NEGATIVE),
                    counts.f1(SentimentLabel.POSITIVE), urgent, topics, language));
        }
    }

    /** Labels, urgency, topics (English messages only: topic terms are English) and language. */
    private static final class PassengerFigures {
        private final SentimentEvaluation labels = new SentimentEvaluation();
        private final SentimentEvaluation vaderLabels = new SentimentEvaluation();
        private int urgentHits;
        private int urgentFalseAlarms;
        private int urgentMisses;
        private int topicHits;
        private int topicFalse;
        private int topicMisses;
        private int languageHits;

        void add(PassengerMessage message, TextScore score, TextScore vaderScore) {
            labels.add(message.label(), score.label());
            vaderLabels.add(message.label(), vaderScore.label());
            if (score.urgent() && message.urgent()) {
                urgentHits++;
            } else if (score.urgent()) {
                urgentFalseAlarms++;
            } else if (message.urgent()) {
                urgentMisses++;
            }
            if (message.language().equals("en")) {
                for (Topic topic : Topic.values()) {
                    boolean expected = message.topics().contains(topic);
                    boolean found = score.topics().contains(topic);
                    topicHits += expected && found ? 1 : 0;
                    topicFalse += found && !expected ? 1 : 0;
                    topicMisses += expected && !found ? 1 : 0;
                }
            }
            languageHits += message.language().equals(score.language()) ? 1 : 0;
        }

        SentimentEvaluation labels() {
            return labels;
        }

        SentimentEvaluation vaderLabels() {
            return vaderLabels;
        }

        double urgentPrecision() {
            return ratio(urgentHits, urgentHits + urgentFalseAlarms);
        }

        double urgentRecall() {
            return ratio(urgentHits, urgentHits + urgentMisses);
        }

        double topicPrecision() {
            return ratio(topicHits, topicHits + topicFalse);
        }

        double topicRecall() {
            return ratio(topicHits, topicHits + topicMisses);
        }

        double languageAccuracy() {
            return ratio(languageHits, labels.total());
        }

        private static double ratio(int part, int whole) {
            return whole == 0 ? 1.0 : (double) part / whole;
        }
    }
}
