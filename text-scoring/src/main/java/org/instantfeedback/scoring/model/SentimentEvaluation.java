package org.instantfeedback.scoring.model;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.instantfeedback.scoring.SentimentLabel;

/**
 * Gold labels against a reader's labels: accuracy, and precision, recall and F1 per class. A
 * reading of UNKNOWN (a language not read) counts as wrong. Not thread-safe; merge per thread.
 */
public final class SentimentEvaluation {

    private final Map<SentimentLabel, Integer> hits = new EnumMap<>(SentimentLabel.class);
    private final Map<SentimentLabel, Integer> predicted = new EnumMap<>(SentimentLabel.class);
    private final Map<SentimentLabel, Integer> gold = new EnumMap<>(SentimentLabel.class);
    private int total;
    private int correct;

    public void add(SentimentLabel goldLabel, SentimentLabel predictedLabel) {
        total++;
        gold.merge(goldLabel, 1, Integer::sum);
        predicted.merge(predictedLabel, 1, Integer::sum);
        if (goldLabel == predictedLabel) {
            correct++;
            hits.merge(goldLabel, 1, Integer::sum);
        }
    }

    public SentimentEvaluation merge(SentimentEvaluation other) {
        total += other.total;
        correct += other.correct;
        other.hits.forEach((label, n) -> hits.merge(label, n, Integer::sum));
        other.predicted.forEach((label, n) -> predicted.merge(label, n, Integer::sum));
        other.gold.forEach((label, n) -> gold.merge(label, n, Integer::sum));
        return this;
    }

    public int total() {
        return total;
    }

    public double accuracy() {
        return total == 0 ? 0.0 : (double) correct / total;
    }

    public double precision(SentimentLabel label) {
        return ratio(hits.getOrDefault(label, 0), predicted.getOrDefault(label, 0));
    }

    public double recall(SentimentLabel label) {
        return ratio(hits.getOrDefault(label, 0), gold.getOrDefault(label, 0));
    }

    public double f1(SentimentLabel label) {
        double precision = precision(label);
        double recall = recall(label);
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }

    /** The mean F1 of the three classes that have gold examples or readings. */
    public double macroF1() {
        double sum = 0.0;
        int classes = 0;
        for (SentimentLabel label : ModelClasses.LABELS) {
            if (gold.getOrDefault(label, 0) + predicted.getOrDefault(label, 0) > 0) {
                sum += f1(label);
                classes++;
            }
        }
        return classes == 0 ? 0.0 : sum / classes;
    }

    public int goldCount(SentimentLabel label) {
        return gold.getOrDefault(label, 0);
    }

    public int predictedCount(SentimentLabel label) {
        return predicted.getOrDefault(label, 0);
    }

    /** Share of the texts read as {@code label} (what a dashboard would show) minus the gold share. */
    public double shareError(SentimentLabel label) {
        return total == 0 ? 0.0 : (predictedCount(label) - goldCount(label)) / (double) total;
    }

    /** One line per class and one for accuracy, as {@code score eval} prints them. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-9s %9s %9s %9s %7s %7s%n", "class", "precision", "recall", "F1",
                "gold", "read"));
        for (SentimentLabel label : ModelClasses.LABELS) {
            out.append(String.format(Locale.ROOT, "%-9s %9.3f %9.3f %9.3f %7d %7d%n", label.id(), precision(label),
                    recall(label), f1(label), goldCount(label), predictedCount(label)));
        }
        int unknown = predictedCount(SentimentLabel.UNKNOWN);
        out.append(String.format(Locale.ROOT, "accuracy %.3f of %d texts%s", accuracy(), total,
                unknown == 0 ? "" : " (" + unknown + " read as unknown)"));
        return out.toString();
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
