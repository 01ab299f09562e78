package org.instantfeedback.scoring.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.instantfeedback.scoring.LanguageDetection;
import org.instantfeedback.scoring.OpenNlpLanguageDetection;
import org.instantfeedback.scoring.ScoringConfigException;
import org.instantfeedback.scoring.TextScore;
import org.instantfeedback.scoring.TextScorer;

/**
 * The {@code score} command: reads one text per line on stdin and writes one JSON object per line
 * on stdout, in the same order.
 *
 * <pre>
 * echo "Bus 42 late again" | java -cp text-scoring.jar:&lt;dependencies&gt; \
 *     org.instantfeedback.scoring.cli.ScoreCommand [--config scoring.txt] [--echo]
 * {"label":"negative","score":-0.4939,"topics":["punctuality"],"urgent":false,"language":"en"}
 * </pre>
 *
 * Exit status: 0 done, 1 input could not be read, 2 bad arguments or configuration.
 */
public final class ScoreCommand {

    static final String USAGE = """
            usage: score [--config <file>]... [--echo]
              Reads one text per line on stdin; writes one JSON object per line on stdout with
              label (negative|neutral|positive|unknown), score (-1..1), topics, urgent, language.
              --config <file>  scoring extension file (valence/topic/urgent lines); repeatable
              --echo           also write the input text (field "text")""";

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
        TextScorer.Builder builder = TextScorer.builder();
        boolean echo = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--echo" -> echo = true;
                case "--config" -> {
                    if (i + 1 >= args.size()) {
                        return usage(err, "--config needs a file");
                    }
                    Path file = Path.of(args.get(++i));
                    if (!Files.isReadable(file)) {
                        return usage(err, "cannot read configuration file " + file);
                    }
                    try {
                        builder.extension(file);
                    } catch (ScoringConfigException e) {
                        err.println("score: " + e.getMessage());
                        return 2;
                    }
                }
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    return usage(err, "unknown argument " + arg);
                }
            }
        }
        return scoreLines(builder.languageDetection(detection.get()).build(), in, out, err, echo);
    }

    private static int scoreLines(TextScorer scorer, InputStream in, PrintStream out, PrintStream err, boolean echo) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(json(scorer.score(line), echo ? line : null));
                if (!reader.ready()) {
                    out.flush(); // interactive use: answer each line as it comes
                }
            }
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("score: cannot read input: " + e.getMessage());
            return 1;
        }
    }

    static String json(TextScore score, String text) {
        StringBuilder json = new StringBuilder(128);
        json.append("{\"label\":\"").append(score.label().id()).append('"');
        json.append(",\"score\":").append(String.format(Locale.ROOT, "%.4f", score.compound()));
        json.append(",\"topics\":[")
                .append(score.topics().stream().map(t -> '"' + t.id() + '"').collect(Collectors.joining(",")))
                .append(']');
        json.append(",\"urgent\":").append(score.urgent());
        json.append(",\"language\":");
        appendString(json, score.language());
        if (text != null) {
            json.append(",\"text\":");
            appendString(json, text);
        }
        return json.append('}').toString();
    }

    private static void appendString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static int usage(PrintStream err, String problem) {
        err.println("score: " + problem);
        err.println(USAGE);
        return 2;
    }
}
