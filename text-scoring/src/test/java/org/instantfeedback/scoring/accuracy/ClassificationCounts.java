package org.instantfeedback.scoring.accuracy;

import java.util.EnumMap;
import java.util.Map;

import org.instantfeedback.scoring.SentimentLabel;

/** Gold against predicted labels: accuracy and per-class F1. */
final class ClassificationCounts {

    private final Map<SentimentLabel, Integer> truePositives = new EnumMap<>(SentimentLabel.class);
    private final Map<SentimentLabel, Integer> predicted = new EnumMap<>(SentimentLabel.class);
    private final Map<SentimentLabel, Integer> gold = new EnumMap<>(SentimentLabel.class);
    private int total;
    private int correct;

    void add(SentimentLabel goldLabel, SentimentLabel predictedLabel) {
        total++;
        gold.merge(goldLabel, 1, Integer::sum);
        predicted.merge(predictedLabel, 1, Integer::sum);
        if (goldLabel == predictedLabel) {
            correct++;
            truePositives.merge(goldLabel, 1, Integer::sum);
        }
    }

    int total() {
        return total;
    }

    double accuracy() {
        return total == 0 ? 0.0 : (double) correct / total;
    }

    double f1(SentimentLabel label) {
        double tp = truePositives.getOrDefault(label, 0);
        double precision = tp / Math.max(1, predicted.getOrDefault(label, 0));
        double recall = tp / Math.max(1, gold.getOrDefault(label, 0));
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }

    int predictedCount(SentimentLabel label) {
        return predicted.getOrDefault(label, 0);
    }
}
