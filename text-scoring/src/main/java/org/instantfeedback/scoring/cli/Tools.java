package org.instantfeedback.scoring.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.instantfeedback.scoring.LanguageDetection;
import org.instantfeedback.scoring.TextScorer;

/**
 * What every sub-command of {@code score} works with: its output, its progress and error stream,
 * and the scorer the options describe.
 */
record Tools(PrintStream out, PrintStream err, Supplier<LanguageDetection> detection) {

    /** The scorer of {@code --config}, {@code --model} and {@code --no-model} (bundled model by default). */
    TextScorer scorer(CommandLine line) {
        TextScorer.Builder builder = lexiconBuilder(line);
        if (line.has("--no-model")) {
            if (line.value("--model").isPresent()) {
                throw new CommandLine.UsageException("--model and --no-model exclude each other");
            }
            builder.withoutModel();
        } else {
            line.value("--model").ifPresent(file -> builder.model(CommandLine.readable(file, "model file")));
        }
        return builder.build();
    }

    /** The lexicon with the operator's extension files and no model: what models are trained on. */
    TextScorer lexicon(CommandLine line) {
        return lexiconBuilder(line).withoutModel().build();
    }

    private TextScorer.Builder lexiconBuilder(CommandLine line) {
        TextScorer.Builder builder = TextScorer.builder().languageDetection(detection.get());
        for (String file : line.all("--config")) {
            Path config = CommandLine.readable(file, "configuration file");
            builder.extension(config);
        }
        return builder;
    }

    /** A line of progress on the error stream, so that stdout stays the command's answer. */
    void progress(String message) {
        err.println("score: " + message);
        err.flush();
    }
}
