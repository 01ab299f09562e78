package org.instantfeedback.scoring.training;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.instantfeedback.scoring.SentimentLabel;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.scoring.model.SentimentEvaluation;
import org.instantfeedback.scoring.model.FeatureLayout;
import org.instantfeedback.scoring.model.ModelInfo;
import org.instantfeedback.scoring.model.TextModel;
import org.instantfeedback.scoring.model.Trainer;
import org.instantfeedback.scoring.model.TrainingExample;
import org.instantfeedback.scoring.model.TrainingProgress;

/**
 * One round of learning an operator's language from their rated feedback: train a candidate on the
 * base model plus the operator's examples, hold it against the current model on the newest
 * examples (which the candidate did not learn from), and say whether to promote it.
 *
 * <p>The candidate always starts from the base model, not from the current one, so that every
 * round is the same function of the same examples (deterministic, and no drift from model to
 * model). The base model's training text is not needed: the candidate starts from its weights and
 * is pulled towards them (see {@link TrainingRecipe#OPERATOR}), so what the operator's examples do
 * not say, the base model still knows.
 *
 * <p>A language the lexicon cannot read is learned too: once the examples hold at least
 * {@link Settings#languageMinimum()} texts in it and the candidate's held-back accuracy and
 * negative F1 in it both reach {@link Settings#languageFloor()}, its texts get the model's reading;
 * until then they read UNKNOWN.
 */
public final class OperatorTraining {

    /**
     * @param recipe           how the candidate learns
     * @param heldBackPercent  share of the newest examples held back to judge the candidate (1-50)
     * @param mostHeldBack     cap on the held-back examples, so that a large history still trains on most
     * @param languageMinimum  examples a language the lexicon lacks needs before it can be learned
     * @param languageFloor    held-back accuracy and negative F1 a learned language must reach
     */
    public record Settings(TrainingRecipe recipe, int heldBackPercent, int mostHeldBack, int languageMinimum,
                           double languageFloor) {

        public static final Settings DEFAULTS = new Settings(TrainingRecipe.OPERATOR, 20, 2_000, 100, 0.7);

        public Settings {
            if (heldBackPercent < 1 || heldBackPercent > 50) {
                throw new IllegalArgumentException("held-back percent must be 1 to 50, got " + heldBackPercent);
            }
            if (mostHeldBack < 1 || languageMinimum < 1) {
                throw new IllegalArgumentException("held-back cap and language minimum must be positive");
            }
            if (!(languageFloor >= 0 && languageFloor <= 1)) {
                throw new IllegalArgumentException("language floor must be 0 to 1, got " + languageFloor);
            }
        }
    }

    /**
     * What a round found.
     *
     * @param candidate        the model trained
     * @param current          the current model's figures on the held-back examples
     * @param candidateFigures the candidate's figures on them
     * @param learnedLanguages languages (beyond the base model's) the candidate reads
     * @param trainedOn        examples the candidate learned from
     * @param heldBack         examples it was judged on
     */
    public record Outcome(TextModel candidate, HeldBackFigures current, HeldBackFigures candidateFigures,
                          SortedSet<String> learnedLanguages, int trainedOn, int heldBack) {

        /** Promote when the candidate is not worse than the current model on the held-back examples. */
        public boolean promote() {
            return heldBack > 0 && candidateFigures.notWorseThan(current);
        }
    }

    private OperatorTraining() {
    }

    /**
     * @param base     the model to start from; null to learn from scratch ({@link TrainingRecipe#BASE},
     *                 uncalibrated), as {@code score train --from-scratch} does
     * @param current  the model the candidate is judged against; null for the lexicon alone
     * @param examples oldest first; the newest are held back
     * @param info     the candidate's version and card; its languages are decided here
     */
    public static Outcome run(TextScorer lexicon, TextModel base, TextModel current, List<LabelledText> examples,
                              Settings settings, ModelInfo info, TrainingProgress progress) {
        int heldBack = Math.min(settings.mostHeldBack(), examples.size() * settings.heldBackPercent() / 100);
        List<LabelledText> training = examples.subList(0, examples.size() - heldBack);
        List<LabelledText> judging = examples.subList(examples.size() - heldBack, examples.size());
        SortedSet<String> baseLanguages = base == null
                ? new TreeSet<>(BaseModelTraining.BASE_LANGUAGES) : base.info().languages();
        TrainingRecipe recipe = base == null ? TrainingRecipe.BASE : settings.recipe();
        FeatureLayout layout = base == null ? recipe.layout() : base.layout();
        // each text's features once: they train the model and tell its language
        List<TrainingExample> trainingExamples = recipe.examples(lexicon, training, layout);
        TextModel trained = Trainer.train(trainingExamples, List.of(), layout, base, recipe.settings(),
                info.withLanguages(baseLanguages), progress);
        HeldBackFigures trainedFigures = HeldBackFigures.of(lexicon, trained, judging);
        SortedSet<String> learned = learnedLanguages(lexicon, trained, trainingExamples, trainedFigures, judging,
                settings);
        SortedSet<String> reads = new TreeSet<>(baseLanguages);
        reads.addAll(learned);
        TextModel candidate = trained.withInfo(trained.info().withLanguages(reads));
        HeldBackFigures currentFigures = HeldBackFigures.of(lexicon, current, judging);
        HeldBackFigures candidateFigures = learned.isEmpty() ? trainedFigures
                : HeldBackFigures.of(lexicon, candidate, judging);
        candidate = candidate.withInfo(candidate.info()
                .withFact("trained.examples", Integer.toString(training.size()))
                .withFact("held-back.examples", Integer.toString(heldBack))
                .withFact("held-back.accuracy", String.format(Locale.ROOT, "%.4f", candidateFigures.accuracy()))
                .withFact("held-back.negative-f1", String.format(Locale.ROOT, "%.4f",
                        candidateFigures.negativeF1())));
        return new Outcome(candidate, currentFigures, candidateFigures, learned, training.size(), heldBack);
    }

    /** Languages the lexicon lacks that have enough examples and that the model reads well enough. */
    private static SortedSet<String> learnedLanguages(TextScorer lexicon, TextModel trained,
                                                      List<TrainingExample> training, HeldBackFigures judged,
                                                      List<LabelledText> judging, Settings settings) {
        Map<String, Integer> counts = new HashMap<>();
        training.forEach(example -> counts.merge(example.language(), 1, Integer::sum));
        judged.byLanguage().forEach((language, figures) -> counts.merge(language, figures.total(), Integer::sum));
        SortedSet<String> candidates = new TreeSet<>();
        counts.forEach((language, count) -> {
            if (count >= settings.languageMinimum() && !trained.reads(language)) {
                candidates.add(language);
            }
        });
        if (candidates.isEmpty()) {
            return candidates;
        }
        SortedSet<String> all = new TreeSet<>(trained.info().languages());
        all.addAll(candidates);
        HeldBackFigures figures = HeldBackFigures.of(lexicon, trained.withInfo(trained.info().withLanguages(all)),
                judging);
        SortedSet<String> learned = new TreeSet<>();
        for (String language : candidates) {
            SentimentEvaluation inLanguage = figures.byLanguage().get(language);
            if (inLanguage != null && inLanguage.accuracy() >= settings.languageFloor()
                    && inLanguage.f1(SentimentLabel.NEGATIVE) >= settings.languageFloor()) {
                learned.add(language);
            }
        }
        return learned;
    }
}
