package org.instantfeedback.scoring.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.scoring.model.SentimentEvaluation;
import org.instantfeedback.scoring.training.LabelledText;

/** {@code score eval}: precision, recall and F1 per class and accuracy, for each labelled file. */
final class EvalCommand {

    private EvalCommand() {
    }

    static int run(Tools tools, List<String> args) {
        CommandLine line = CommandLine.parse(args, Set.of("--model", "--config"), Set.of("--no-model"));
        if (line.positional().isEmpty()) {
            throw new CommandLine.UsageException("name at least one labelled file");
        }
        TextScorer scorer = tools.scorer(line);
        String reader = scorer.model() == null ? "the lexicon alone" : "model " + scorer.model().version();
        for (String file : line.positional()) {
            List<LabelledText> texts = LabelledFiles.read(tools, List.of(file));
            SentimentEvaluation evaluation = new SentimentEvaluation();
            int done = 0;
            for (LabelledText text : texts) {
                evaluation.add(text.label(), scorer.score(text.text()).label());
                if (++done % 10_000 == 0) {
                    tools.progress(String.format(Locale.ROOT, "%,d of %,d texts read", done, texts.size()));
                }
            }
            tools.out().printf("%s, read by %s:%n%s%n%n", file, reader, evaluation.report());
        }
        return 0;
    }
}
