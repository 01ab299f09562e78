package org.instantfeedback.scoring.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.scoring.model.TextModel;
import org.instantfeedback.scoring.model.TextModelFile;
import org.instantfeedback.scoring.training.BaseCorpora;
import org.instantfeedback.scoring.training.BaseModelTraining;

/**
 * {@code score base-model}: trains the base model the project ships, from the rail reviews, VADER's
 * sets and the passenger messages. The same files, version and date give the same bytes.
 */
final class BaseModelCommand {

    private static final Set<String> CORPUS_OPTIONS = Set.of("--rail", "--vader", "--messages");

    private BaseModelCommand() {
    }

    static int run(Tools tools, List<String> args) {
        CommandLine line = CommandLine.parse(args, Set.of("--rail", "--vader", "--messages", "--out", "--version",
                "--created"), Set.of());
        Path out = Path.of(line.required("--out"));
        String version = line.value("--version").orElse("base-1");
        Instant created = instant(line.value("--created").orElse(null));
        BaseCorpora corpora = corpora(tools, line);
        TextScorer lexicon = tools.lexicon(line);
        long started = System.nanoTime();
        TextModel model = BaseModelTraining.train(lexicon, corpora, text -> true, version, created,
                (epoch, epochs, loss) -> tools.progress(String.format(Locale.ROOT, "pass %d of %d, mean loss %.4f",
                        epoch, epochs, loss)));
        byte[] bytes = TextModelFile.toBytes(model);
        try {
            TextModelFile.write(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        tools.out().printf(Locale.ROOT, "model %s: %,d features with weights, temperature %.4f, %,d bytes, "
                        + "sha256 %s, trained in %.1f s%n", version, model.activeFeatures(), model.temperature(),
                bytes.length, sha256(bytes), (System.nanoTime() - started) / 1e9);
        model.info().facts().forEach((name, value) -> tools.out().printf("  %s: %s%n", name, value));
        tools.out().println("wrote " + out);
        return 0;
    }

    static BaseCorpora corpora(Tools tools, CommandLine line) {
        Path rail = CommandLine.readable(line.required("--rail"), "rail reviews");
        Path vader = Path.of(line.required("--vader"));
        List<Path> messages = line.all("--messages").stream()
                .map(file -> CommandLine.readable(file, "passenger messages")).toList();
        if (messages.isEmpty()) {
            throw new CommandLine.UsageException("--messages is required (this project's passenger messages)");
        }
        BaseCorpora corpora = BaseCorpora.read(rail, vader, messages);
        tools.progress(String.format(Locale.ROOT, "read %,d rail review texts, %,d VADER sentences, %,d passenger "
                        + "messages", corpora.railReviews().size(), corpora.vaderSentences().size(),
                corpora.passengerMessages().size()));
        return corpora;
    }

    private static Instant instant(String written) {
        if (written == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(written);
        } catch (DateTimeParseException e) {
            throw new CommandLine.UsageException("--created must be an instant like 2026-12-06T00:00:00Z, got '"
                    + written + "'");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
