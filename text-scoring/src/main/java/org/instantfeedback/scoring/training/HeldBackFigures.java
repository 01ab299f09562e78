package org.instantfeedback.scoring.training;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.instantfeedback.scoring.SentimentLabel;
import org.instantfeedback.scoring.TextScore;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.scoring.model.SentimentEvaluation;
import org.instantfeedback.scoring.model.TextModel;

/**
 * How one model reads held-back texts: over all of them and per language.
 *
 * @param all        every held-back text (UNKNOWN readings count as wrong)
 * @param byLanguage the same per language of the texts
 */
public record HeldBackFigures(SentimentEvaluation all, SortedMap<String, SentimentEvaluation> byLanguage) {

    public HeldBackFigures {
        byLanguage = Collections.unmodifiableSortedMap(new TreeMap<>(byLanguage));
    }

    /** Reads {@code texts} with {@code model} (null: the lexicon alone), per language as the scorer tells it. */
    public static HeldBackFigures of(TextScorer lexicon, TextModel model, List<LabelledText> texts) {
        TextScorer reader = lexicon.withModel(model);
        SentimentEvaluation all = new SentimentEvaluation();
        Map<String, SentimentEvaluation> byLanguage = new TreeMap<>();
        for (LabelledText text : texts) {
            TextScore score = reader.score(text.text());
            all.add(text.label(), score.label());
            byLanguage.computeIfAbsent(score.language(), language -> new SentimentEvaluation())
                    .add(text.label(), score.label());
        }
        return new HeldBackFigures(all, new TreeMap<>(byLanguage));
    }

    public double accuracy() {
        return all.accuracy();
    }

    public double negativeF1() {
        return all.f1(SentimentLabel.NEGATIVE);
    }

    /** Not worse than {@code other} on either figure that alerts and dashboards rest on. */
    public boolean notWorseThan(HeldBackFigures other) {
        return accuracy() >= other.accuracy() && negativeF1() >= other.negativeF1();
    }
}
