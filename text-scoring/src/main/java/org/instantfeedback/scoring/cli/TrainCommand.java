package org.instantfeedback.scoring.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.instantfeedback.scoring.BundledModel;
import org.instantfeedback.scoring.SentimentLabel;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.scoring.model.SentimentEvaluation;
import org.instantfeedback.scoring.model.ModelInfo;
import org.instantfeedback.scoring.model.TextModel;
import org.instantfeedback.scoring.model.TextModelFile;
import org.instantfeedback.scoring.training.LabelledText;
import org.instantfeedback.scoring.training.OperatorTraining;

/**
 * {@code score train}: learns from labelled files, as the operator's feedback loop does, and prints
 * the held-back figures of the new model beside those of the model it started from.
 */
final class TrainCommand {

    private TrainCommand() {
    }

    static int run(Tools tools, List<String> args) {
        CommandLine line = CommandLine.parse(args, Set.of("--out", "--from", "--held-back", "--version", "--config"),
                Set.of("--from-scratch"));
        Path out = Path.of(line.required("--out"));
        if (line.has("--from-scratch") && line.value("--from").isPresent()) {
            throw new CommandLine.UsageException("--from and --from-scratch exclude each other");
        }
        int heldBack = line.integer("--held-back", OperatorTraining.Settings.DEFAULTS.heldBackPercent(), 1, 50);
        String version = line.value("--version").orElseGet(() -> versionOf(out));
        List<LabelledText> texts = LabelledFiles.read(tools, line.positional());
        TextScorer lexicon = tools.lexicon(line);
        TextModel start = line.has("--from-scratch") ? null
                : line.value("--from").map(file -> TextModelFile.read(CommandLine.readable(file, "model file")))
                .orElseGet(BundledModel::load);
        OperatorTraining.Settings settings = new OperatorTraining.Settings(
                OperatorTraining.Settings.DEFAULTS.recipe(), heldBack, Integer.MAX_VALUE,
                OperatorTraining.Settings.DEFAULTS.languageMinimum(), OperatorTraining.Settings.DEFAULTS.languageFloor());
        ModelInfo info = new ModelInfo(version, start == null ? null : start.version(), Instant.now(),
                new TreeSet<>(), new TreeMap<>());
        tools.progress(String.format("learning from %,d texts %s; the newest %d%% are held back to judge it",
                texts.size(), start == null ? "from scratch" : "on top of model " + start.version(), heldBack));
        OperatorTraining.Outcome outcome = OperatorTraining.run(lexicon, start, start, texts, settings, info,
                (epoch, epochs, loss) -> tools.progress(String.format(Locale.ROOT, "pass %d of %d, mean loss %.4f",
                        epoch, epochs, loss)));
        write(outcome.candidate(), out);
        tools.progress(String.format("wrote %s (model %s, reads %s)", out, version,
                String.join(", ", outcome.candidate().info().languages())));
        printFigures(tools, outcome, start == null ? "lexicon" : start.version(), version);
        return 0;
    }

    private static void printFigures(Tools tools, OperatorTraining.Outcome outcome, String before, String after) {
        SentimentEvaluation old = outcome.current().all();
        SentimentEvaluation now = outcome.candidateFigures().all();
        tools.out().printf(Locale.ROOT, "trained on %,d texts, judged on the newest %,d%n", outcome.trainedOn(),
                outcome.heldBack());
        tools.out().printf(Locale.ROOT, "%-22s %12s %12s%n", "held-back figures", before, after);
        tools.out().printf(Locale.ROOT, "%-22s %12.3f %12.3f%n", "accuracy", old.accuracy(), now.accuracy());
        for (SentimentLabel label : List.of(SentimentLabel.NEGATIVE, SentimentLabel.NEUTRAL, SentimentLabel.POSITIVE)) {
            tools.out().printf(Locale.ROOT, "%-22s %12.3f %12.3f%n", label.id() + " precision", old.precision(label),
                    now.precision(label));
            tools.out().printf(Locale.ROOT, "%-22s %12.3f %12.3f%n", label.id() + " recall", old.recall(label),
                    now.recall(label));
            tools.out().printf(Locale.ROOT, "%-22s %12.3f %12.3f%n", label.id() + " F1", old.f1(label), now.f1(label));
        }
        outcome.candidateFigures().byLanguage().forEach((language, figures) -> {
            SentimentEvaluation was = outcome.current().byLanguage().get(language);
            tools.out().printf(Locale.ROOT, "%-22s %12s %12s%n", "language " + language + " (" + figures.total() + ")",
                    String.format(Locale.ROOT, "%.3f", was.accuracy()),
                    String.format(Locale.ROOT, "%.3f", figures.accuracy()));
        });
        if (!outcome.learnedLanguages().isEmpty()) {
            tools.out().println("languages learned: " + String.join(", ", outcome.learnedLanguages()));
        }
        tools.out().println(outcome.promote()
                ? "the new model is not worse than " + before + " on the held-back texts"
                : "the new model is WORSE than " + before + " on the held-back texts; the feedback loop would not promote it");
    }

    private static void write(TextModel model, Path out) {
        try {
            TextModelFile.write(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** "models/sofia-2026.model" -> "sofia-2026". */
    static String versionOf(Path out) {
        String name = String.valueOf(out.getFileName());
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "-");
        return stem.isEmpty() ? "model" : stem;
    }
}
