package org.instantfeedback.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.instantfeedback.scoring.SentimentLabel.NEGATIVE;
import static org.instantfeedback.scoring.SentimentLabel.NEUTRAL;
import static org.instantfeedback.scoring.SentimentLabel.POSITIVE;
import static org.instantfeedback.scoring.SentimentLabel.UNKNOWN;

import org.assertj.core.data.Offset;
import org.instantfeedback.scoring.SentimentLabel;
import org.junit.jupiter.api.Test;

/**
 * The confusion used here, 12 texts (rows gold, columns read):
 * <pre>
 *              negative  neutral  positive  unknown | gold
 *   negative       3        1        0         1    |  5
 *   neutral        1        2        0         0    |  3
 *   positive       0        1        3         0    |  4
 *   read           4        4        3         1    | 12
 * </pre>
 * negative: precision 3/4, recall 3/5, F1 2/3; neutral: precision 2/4, recall 2/3, F1 4/7;
 * positive: precision 3/3, recall 3/4, F1 6/7; accuracy 8/12; macro F1 (2/3 + 4/7 + 6/7) / 3 = 44/63.
 */
class SentimentEvaluationTest {

    private static final Offset<Double> EXACT = offset(1e-12);

    @Test
    void precision_recall_f1_and_accuracy_are_those_worked_out_by_hand() {
        SentimentEvaluation e = confusion();

        assertThat(e.total()).isEqualTo(12);
        assertThat(e.accuracy()).isCloseTo(8.0 / 12, EXACT);
        assertThat(e.precision(NEGATIVE)).isCloseTo(3.0 / 4, EXACT);
        assertThat(e.recall(NEGATIVE)).isCloseTo(3.0 / 5, EXACT);
        assertThat(e.f1(NEGATIVE)).isCloseTo(2.0 / 3, EXACT);
        assertThat(e.precision(NEUTRAL)).isCloseTo(2.0 / 4, EXACT);
        assertThat(e.recall(NEUTRAL)).isCloseTo(2.0 / 3, EXACT);
        assertThat(e.f1(NEUTRAL)).isCloseTo(4.0 / 7, EXACT);
        assertThat(e.precision(POSITIVE)).isCloseTo(1.0, EXACT);
        assertThat(e.recall(POSITIVE)).isCloseTo(3.0 / 4, EXACT);
        assertThat(e.f1(POSITIVE)).isCloseTo(6.0 / 7, EXACT);
        assertThat(e.macroF1()).isCloseTo(44.0 / 63, EXACT);
    }

    @Test
    void an_unknown_reading_counts_as_wrong_and_as_read_unknown() {
        SentimentEvaluation e = new SentimentEvaluation();
        e.add(NEGATIVE, UNKNOWN);
        e.add(NEGATIVE, NEGATIVE);

        assertThat(e.accuracy()).isCloseTo(0.5, EXACT);
        assertThat(e.recall(NEGATIVE)).isCloseTo(0.5, EXACT);
        assertThat(e.precision(NEGATIVE)).isCloseTo(1.0, EXACT);
        assertThat(e.predictedCount(UNKNOWN)).isEqualTo(1);
        assertThat(e.predictedCount(NEGATIVE)).isEqualTo(1);
        assertThat(e.goldCount(NEGATIVE)).isEqualTo(2);
        assertThat(e.goldCount(UNKNOWN)).isZero();
    }

    @Test
    void share_error_is_the_share_read_minus_the_gold_share() {
        SentimentEvaluation e = confusion();

        assertThat(e.shareError(NEGATIVE)).isCloseTo((4 - 5) / 12.0, EXACT);
        assertThat(e.shareError(NEUTRAL)).isCloseTo((4 - 3) / 12.0, EXACT);
        assertThat(e.shareError(POSITIVE)).isCloseTo((3 - 4) / 12.0, EXACT);
        assertThat(e.shareError(UNKNOWN)).isCloseTo(1 / 12.0, EXACT);
    }

    @Test
    void merging_two_evaluations_adds_them_up() {
        SentimentEvaluation first = new SentimentEvaluation();
        SentimentEvaluation second = new SentimentEvaluation();
        int i = 0;
        for (SentimentLabel[] pair : pairs()) {
            (i++ % 2 == 0 ? first : second).add(pair[0], pair[1]);
        }

        SentimentEvaluation merged = first.merge(second);
        SentimentEvaluation whole = confusion();

        assertThat(merged).isSameAs(first);
        assertThat(merged.total()).isEqualTo(12);
        assertThat(merged.accuracy()).isCloseTo(whole.accuracy(), EXACT);
        for (SentimentLabel label : SentimentLabel.values()) {
            assertThat(merged.precision(label)).as("%s precision", label).isCloseTo(whole.precision(label), EXACT);
            assertThat(merged.recall(label)).as("%s recall", label).isCloseTo(whole.recall(label), EXACT);
            assertThat(merged.goldCount(label)).as("%s gold", label).isEqualTo(whole.goldCount(label));
            assertThat(merged.predictedCount(label)).as("%s read", label).isEqualTo(whole.predictedCount(label));
        }
        assertThat(merged.report()).isEqualTo(whole.report());
    }

    @Test
    void macro_f1_leaves_out_a_class_with_neither_gold_texts_nor_readings() {
        SentimentEvaluation e = new SentimentEvaluation();
        e.add(NEGATIVE, NEGATIVE);
        e.add(POSITIVE, POSITIVE);

        assertThat(e.macroF1()).isCloseTo(1.0, EXACT);
        assertThat(e.f1(NEUTRAL)).isZero();
    }

    @Test
    void an_empty_evaluation_gives_zeros_not_nan() {
        SentimentEvaluation e = new SentimentEvaluation();

        assertThat(e.accuracy()).isZero();
        assertThat(e.precision(NEGATIVE)).isZero();
        assertThat(e.recall(NEGATIVE)).isZero();
        assertThat(e.f1(NEGATIVE)).isZero();
        assertThat(e.macroF1()).isZero();
        assertThat(e.shareError(NEGATIVE)).isZero();
        assertThat(e.report()).endsWith("accuracy 0.000 of 0 texts");
    }

    @Test
    void the_report_has_a_line_per_class_and_one_for_accuracy() {
        String report = confusion().report();

        assertThat(report.lines()).containsExactly(
                "class     precision    recall        F1    gold    read",
                "negative      0.750     0.600     0.667       5       4",
                "neutral       0.500     0.667     0.571       3       4",
                "positive      1.000     0.750     0.857       4       3",
                "accuracy 0.667 of 12 texts (1 read as unknown)");
    }

    private static SentimentEvaluation confusion() {
        SentimentEvaluation e = new SentimentEvaluation();
        for (SentimentLabel[] pair : pairs()) {
            e.add(pair[0], pair[1]);
        }
        return e;
    }

    /** Gold and read of the 12 texts in the table above. */
    private static SentimentLabel[][] pairs() {
        return new SentimentLabel[][] {
                {NEGATIVE, NEGATIVE}, {NEGATIVE, NEGATIVE}, {NEGATIVE, NEGATIVE}, {NEGATIVE, NEUTRAL},
                {NEGATIVE, UNKNOWN},
                {NEUTRAL, NEUTRAL}, {NEUTRAL, NEUTRAL}, {NEUTRAL, NEGATIVE},
                {POSITIVE, POSITIVE}, {POSITIVE, POSITIVE}, {POSITIVE, POSITIVE}, {POSITIVE, NEUTRAL}};
    }
}
