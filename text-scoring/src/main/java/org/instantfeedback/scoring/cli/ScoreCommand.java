package org.instantfeedback.scoring.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.instantfeedback.scoring.LanguageDetection;
import org.instantfeedback.scoring.OpenNlpLanguageDetection;
import org.instantfeedback.scoring.ScoringConfigException;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.scoring.model.ModelFormatException;
import org.instantfeedback.scoring.training.CorpusFormatException;

/**
 * The {@code score} command: reads one text per line on stdin and writes one JSON object per line
 * on stdout, in the same order; and its sub-commands that train and evaluate text models.
 *
 * <pre>
 * echo "Bus 42 late again" | java -cp text-scoring.jar:&lt;dependencies&gt; \
 *     org.instantfeedback.scoring.cli.ScoreCommand [--model FILE | --no-model] [--config scoring.txt] [--echo]
 * {"label":"negative","score":-0.9121,"probabilities":{...},"model":"base-1","terms":[...],...}
 * </pre>
 *
 * Exit status: 0 done, 1 input could not be read (stdin, or a labelled file with the line at
 * fault), 2 bad arguments, configuration or model file.
 */
public final class ScoreCommand {

    private static final String USAGE = """
            usage: score [--model <file> | --no-model] [--config <file>]... [--echo]
                     Reads one text per line on stdin; writes one JSON object per line on stdout with
                     label (negative|neutral|positive|unknown), score (-1..1), the model's probabilities,
                     the model's version, the terms that weighed most in the lexicon's reading, topics,
                     urgent and language.
                     --model <file>   read with this model instead of the bundled base model
                     --no-model       the lexicon alone decides the label
                     --config <file>  scoring extension file (valence/topic/urgent lines); repeatable
                     --echo           also write the input text (field "text")
                   score train --out <file> [--from <model> | --from-scratch] [--held-back <percent>]
                               [--version <name>] <labelled file>...
                     Learns from labelled files on top of the bundled base model (or another, or none)
                     and prints the held-back figures of the new model against the one it started from.
                   score eval [--model <file> | --no-model] <labelled file>...
                     Prints precision, recall and F1 per class and accuracy for each file.
                   score base-model --rail <reviews.tsv> --vader <dir> --messages <file>... --out <file>
                     Trains the base model the project ships (text-scoring/train-base-model runs it).
                   score report --rail <reviews.tsv> --vader <dir> --messages <file>... --held-out <file>...
                     Prints the development-set figures of lexicon and model, and the operator
                     learning curve (text-scoring/evaluate-model runs it).
              Labelled files: 'rating<TAB>text' (rating: 1-5 stars, n/5, n/10, up, down, or a label),
              VADER's 'id<TAB>mean<TAB>text', or this project's passenger-message and rail-review TSVs.""";

    private ScoreCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(System.in, System.out, System.err, List.of(args)));
    }

    public static int run(InputStream in, PrintStream out, PrintStream err, List<String> args) {
        return run(in, out, err, args, OpenNlpLanguageDetection::loadBundled);
    }

    /** With the language detection supplied, so tests load the model once. */
    static int run(InputStream in, PrintStream out, PrintStream err, List<String> args,
                   Supplier<LanguageDetection> detection) {
        if (!args.isEmpty() && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        String command = args.isEmpty() ? "" : args.get(0);
        Tools tools = new Tools(out, err, detection);
        try {
            return switch (command) {
                case "train" -> TrainCommand.run(tools, args.subList(1, args.size()));
                case "eval" -> EvalCommand.run(tools, args.subList(1, args.size()));
                case "base-model" -> BaseModelCommand.run(tools, args.subList(1, args.size()));
                case "report" -> ReportCommand.run(tools, args.subList(1, args.size()));
                default -> scoreLines(tools, in, args);
            };
        } catch (CommandLine.UsageException e) {
            err.println("score: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (ScoringConfigException | ModelFormatException e) {
            err.println("score: " + e.getMessage());
            return 2;
        } catch (CorpusFormatException e) {
            err.println("score: " + e.getMessage());
            return 1;
        }
    }

    private static int scoreLines(Tools tools, InputStream in, List<String> args) {
        CommandLine line = CommandLine.parse(args, Set.of("--config", "--model"), Set.of("--echo", "--no-model"));
        if (!line.positional().isEmpty()) {
            throw new CommandLine.UsageException("unknown argument " + line.positional().get(0));
        }
        TextScorer scorer = tools.scorer(line);
        boolean echo = line.has("--echo");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            while ((text = reader.readLine()) != null) {
                tools.out().println(ScoreJson.of(scorer.score(text), echo ? text : null));
                if (!reader.ready()) {
                    tools.out().flush(); // interactive use: answer each line as it comes
                }
            }
            tools.out().flush();
            return 0;
        } catch (IOException e) {
            tools.err().println("score: cannot read input: " + e.getMessage());
            return 1;
        }
    }
}
