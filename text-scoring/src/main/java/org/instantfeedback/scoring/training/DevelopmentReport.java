package org.instantfeedback.scoring.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.instantfeedback.scoring.SentimentLabel;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.scoring.model.SentimentEvaluation;
import org.instantfeedback.scoring.model.TextModel;
import org.instantfeedback.scoring.model.TrainingProgress;

/**
 * The figures of the model card and docs/reading-texts.md: on each development set, the lexicon alone against
 * a model that never saw the texts it is judged on, and the learning curve of the operator loop.
 * Every model here is trained by the same code as the shipped one ({@link BaseModelTraining}).
 *
 * <ul>
 *   <li>VADER's sets: their test split, which no model learns from;</li>
 *   <li>rail reviews by 5-fold cross-validation over reviews, and by company (4 folds of
 *       companies, so that no company is in both training and test);</li>
 *   <li>the held-out passenger messages, files no model learns from;</li>
 *   <li>the learning curve: a base model without one company, then its figures on that company's
 *       newest 30% of reviews after learning from 0, 100, 1,000 and all of its older texts.</li>
 * </ul>
 */
public final class DevelopmentReport {

    private static final int REVIEW_FOLDS = 5;
    private static final int COMPANY_FOLDS = 4;
    private static final int[] CURVE_STEPS = {0, 100, 1_000, Integer.MAX_VALUE};

    /** One line of a table: a reader's figures on one set. */
    public record Row(String set, String reader, SentimentEvaluation figures, double meanShareError) {

        public String markdown() {
            return String.format(Locale.ROOT, "| %s | %s | %,d | %.3f | %.3f | %.3f | %.3f | %s |", set, reader,
                    figures.total(), figures.precision(SentimentLabel.NEGATIVE),
                    figures.recall(SentimentLabel.NEGATIVE), figures.f1(SentimentLabel.NEGATIVE), figures.accuracy(),
                    Double.isNaN(meanShareError) ? String.format(Locale.ROOT, "%+.3f",
                            figures.shareError(SentimentLabel.NEGATIVE))
                            : String.format(Locale.ROOT, "%.3f per company", meanShareError));
        }
    }

    public static final String HEADER = """
            | set | reader | texts | negative precision | negative recall | negative F1 | accuracy | negative share error |
            | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |""";

    private final TextScorer lexicon;
    private final BaseCorpora corpora;
    private final Consumer<String> progress;

    public DevelopmentReport(TextScorer lexicon, BaseCorpora corpora, Consumer<String> progress) {
        this.lexicon = lexicon.model() == null ? lexicon : lexicon.withModel(null);
        this.corpora = corpora;
        this.progress = progress;
    }

    /** Lexicon and base model on VADER's test splits and on held-out files of passenger messages. */
    public List<Row> heldOutSets(Map<String, List<LabelledText>> heldOutFiles) {
        TextModel base = train("the base model", review -> true);
        List<Row> rows = new ArrayList<>();
        for (String set : BaseCorpora.VADER_SETS) {
            List<LabelledText> test = corpora.vaderTestSplit(set);
            compare(rows, set.replace("_GroundTruth.txt", "") + " (VADER, test split)", test, base);
        }
        heldOutFiles.forEach((name, texts) -> compare(rows, name, texts, base));
        return rows;
    }

    /** Rail reviews, each fold's reviews read by a model trained on all the rest. */
    public List<Row> railReviewsCrossValidated() {
        return railFolds("by review, 5 folds", REVIEW_FOLDS, text -> StableSplit.bucket(text.id(), REVIEW_FOLDS));
    }

    /** Rail reviews, each fold of companies read by a model that never saw those companies. */
    public List<Row> railReviewsByCompany() {
        List<String> companies = corpora.railReviews().stream().map(LabelledText::group).distinct().sorted().toList();
        return railFolds("by company, 4 folds", COMPANY_FOLDS, text -> companies.indexOf(text.group()) % COMPANY_FOLDS);
    }

    private List<Row> railFolds(String how, int folds, java.util.function.ToIntFunction<LabelledText> foldOf) {
        SentimentEvaluation[][] figures = new SentimentEvaluation[2][2]; // [titles, texts][lexicon, model]
        for (SentimentEvaluation[] pair : figures) {
            pair[0] = new SentimentEvaluation();
            pair[1] = new SentimentEvaluation();
        }
        Map<String, int[]> negatives = new TreeMap<>(); // company -> texts, gold, lexicon, model (titles)
        for (int fold = 0; fold < folds; fold++) {
            int held = fold;
            TextModel model = train("rail " + how + ", fold " + (fold + 1),
                    review -> foldOf.applyAsInt(review) != held);
            TextScorer reader = lexicon.withModel(model);
            for (LabelledText text : corpora.railReviews()) {
                if (foldOf.applyAsInt(text) != held) {
                    continue;
                }
                int kind = text.source().endsWith("titles") ? 0 : 1;
                SentimentLabel byLexicon = lexicon.score(text.text()).label();
                SentimentLabel byModel = reader.score(text.text()).label();
                figures[kind][0].add(text.label(), byLexicon);
                figures[kind][1].add(text.label(), byModel);
                if (kind == 0) {
                    int[] n = negatives.computeIfAbsent(text.group(), company -> new int[4]);
                    n[0]++;
                    n[1] += text.label() == SentimentLabel.NEGATIVE ? 1 : 0;
                    n[2] += byLexicon == SentimentLabel.NEGATIVE ? 1 : 0;
                    n[3] += byModel == SentimentLabel.NEGATIVE ? 1 : 0;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("rail review titles, " + how, "lexicon", figures[0][0], meanShareError(negatives, 2)));
        rows.add(new Row("rail review titles, " + how, "model", figures[0][1], meanShareError(negatives, 3)));
        rows.add(new Row("rail review texts, " + how, "lexicon", figures[1][0], Double.NaN));
        rows.add(new Row("rail review texts, " + how, "model", figures[1][1], Double.NaN));
        return rows;
    }

    /** Mean over companies of |read negative share - gold negative share| of review titles. */
    private static double meanShareError(Map<String, int[]> negatives, int reader) {
        double sum = 0.0;
        for (int[] n : negatives.values()) {
            sum += Math.abs(n[reader] - n[1]) / (double) n[0];
        }
        return negatives.isEmpty() ? 0.0 : sum / negatives.size();
    }

    /**
     * The operator loop's learning curve on one company: a base model that never saw it, then the
     * operator recipe on the newest 0, 100, 1,000 and all of its older texts, each judged on the
     * newest 30% of its reviews (titles and texts apart).
     */
    public List<String> learningCurve(String company) {
        List<LabelledText> reviews = new ArrayList<>(corpora.railReviews().stream()
                .filter(text -> text.group().equals(company)).toList());
        if (reviews.isEmpty()) {
            throw new IllegalArgumentException("no rail reviews of company '" + company + "'");
        }
        reviews.sort(Comparator.comparing(LabelledText::id)); // ids start with the review's date
        List<String> ids = reviews.stream().map(LabelledText::id).distinct().toList();
        Set<String> newest = new HashSet<>(ids.subList(ids.size() * 7 / 10, ids.size()));
        List<LabelledText> test = reviews.stream().filter(text -> newest.contains(text.id())).toList();
        List<LabelledText> older = reviews.stream().filter(text -> !newest.contains(text.id())).toList();
        TextModel base = train("the base model without " + company, review -> !company.equals(review.group()));
        List<String> lines = new ArrayList<>();
        lines.add("| texts learned from | titles: negative F1 | titles: accuracy | titles: negative share error "
                + "| texts: negative F1 | texts: accuracy |");
        lines.add("| ---: | ---: | ---: | ---: | ---: | ---: |");
        int previous = -1;
        for (int step : CURVE_STEPS) {
            int count = Math.min(step, older.size());
            if (count == previous) {
                continue;
            }
            previous = count;
            List<LabelledText> learned = older.subList(older.size() - count, older.size());
            progress.accept(String.format(Locale.ROOT, "learning curve: %s after %,d of its texts", company, count));
            TextModel model = count == 0 ? base : TrainingRecipe.OPERATOR.train(lexicon, learned, List.of(), base,
                    base.info().withVersion("curve-" + count, base.version()), TrainingProgress.SILENT);
            TextScorer reader = lexicon.withModel(model);
            SentimentEvaluation titles = new SentimentEvaluation();
            SentimentEvaluation texts = new SentimentEvaluation();
            for (LabelledText text : test) {
                (text.source().endsWith("titles") ? titles : texts).add(text.label(), reader.score(text.text()).label());
            }
            lines.add(String.format(Locale.ROOT, "| %,d | %.3f | %.3f | %+.3f | %.3f | %.3f |", count,
                    titles.f1(SentimentLabel.NEGATIVE), titles.accuracy(), titles.shareError(SentimentLabel.NEGATIVE),
                    texts.f1(SentimentLabel.NEGATIVE), texts.accuracy()));
        }
        lines.add(String.format(Locale.ROOT, "(%s: %,d reviews; judged on the newest %,d texts, learned from up to "
                + "%,d older ones)", company, ids.size(), test.size(), older.size()));
        OperatorTraining.Outcome loop = OperatorTraining.run(lexicon, base, base, reviews,
                OperatorTraining.Settings.DEFAULTS, base.info().withVersion("loop", base.version()),
                TrainingProgress.SILENT);
        lines.add(String.format(Locale.ROOT, "The operator loop on all %,d of its texts, oldest first: the candidate "
                        + "reads the newest %,d with accuracy %.3f and negative F1 %.3f, the base model %.3f and %.3f: "
                        + "%s.", reviews.size(), loop.heldBack(), loop.candidateFigures().accuracy(),
                loop.candidateFigures().negativeF1(), loop.current().accuracy(), loop.current().negativeF1(),
                loop.promote() ? "promoted" : "kept the base model"));
        return lines;
    }

    private void compare(List<Row> rows, String set, List<LabelledText> texts, TextModel model) {
        TextScorer reader = lexicon.withModel(model);
        SentimentEvaluation byLexicon = new SentimentEvaluation();
        SentimentEvaluation byModel = new SentimentEvaluation();
        for (LabelledText text : texts) {
            byLexicon.add(text.label(), lexicon.score(text.text()).label());
            byModel.add(text.label(), reader.score(text.text()).label());
        }
        rows.add(new Row(set, "lexicon", byLexicon, Double.NaN));
        rows.add(new Row(set, "model", byModel, Double.NaN));
    }

    private TextModel train(String what, Predicate<LabelledText> keep) {
        progress.accept("training " + what);
        return BaseModelTraining.train(lexicon, corpora, keep, "development", Instant.EPOCH, TrainingProgress.SILENT);
    }

}
