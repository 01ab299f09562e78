package org.instantfeedback.streams.textmodel;

import static org.instantfeedback.config.EnvironmentValues.flag;
import static org.instantfeedback.config.EnvironmentValues.number;
import static org.instantfeedback.config.EnvironmentValues.positiveDuration;
import static org.instantfeedback.config.EnvironmentValues.text;
import static org.instantfeedback.config.EnvironmentValues.wholeNumber;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.instantfeedback.config.ConfigVariable;
import org.instantfeedback.scoring.training.OperatorTraining;
import org.instantfeedback.scoring.training.TrainingRecipe;

/**
 * How feedback-streams reads texts with a model and learns the operator's language: which model,
 * whether and how often it retrains, and the bar a new model or language must clear.
 *
 * @param learning         retrain on the operator's rated texts; off, instances still read promoted models
 * @param pinnedVersion    read with this version only ("base-1", "op-3"), whatever is promoted later
 * @param baseModelFile    a model file to build on instead of the bundled base model
 * @param retrainEvery     retrain at least this often while new rated texts came in
 * @param retrainAfter     retrain once this many new rated texts came in
 * @param retrainGap       but never sooner than this after the last round: training takes a core for
 *                         seconds, and a busy operator brings a thousand rated texts in a minute
 * @param minimumExamples  rated texts needed before the first training
 * @param maximumExamples  the newest rated texts kept and trained on (memory: about 1 KB each)
 * @param training         held-back share and cap, and the bar a language must clear
 */
public record TextModelSettings(boolean learning, Optional<String> pinnedVersion, Optional<Path> baseModelFile,
                                Duration retrainEvery, int retrainAfter, Duration retrainGap, int minimumExamples,
                                int maximumExamples,
                                OperatorTraining.Settings training) {

    public static final String TEXT_MODEL_LEARNING = "TEXT_MODEL_LEARNING";
    public static final String TEXT_MODEL_VERSION = "TEXT_MODEL_VERSION";
    public static final String TEXT_MODEL_BASE_FILE = "TEXT_MODEL_BASE_FILE";
    public static final String TEXT_MODEL_RETRAIN_EVERY = "TEXT_MODEL_RETRAIN_EVERY";
    public static final String TEXT_MODEL_RETRAIN_AFTER = "TEXT_MODEL_RETRAIN_AFTER";
    public static final String TEXT_MODEL_RETRAIN_GAP = "TEXT_MODEL_RETRAIN_GAP";
    public static final String TEXT_MODEL_MIN_EXAMPLES = "TEXT_MODEL_MIN_EXAMPLES";
    public static final String TEXT_MODEL_MAX_EXAMPLES = "TEXT_MODEL_MAX_EXAMPLES";
    public static final String TEXT_MODEL_HELD_BACK_PERCENT = "TEXT_MODEL_HELD_BACK_PERCENT";
    public static final String TEXT_MODEL_LANGUAGE_MIN_EXAMPLES = "TEXT_MODEL_LANGUAGE_MIN_EXAMPLES";
    public static final String TEXT_MODEL_LANGUAGE_FLOOR = "TEXT_MODEL_LANGUAGE_FLOOR";

    public static final List<ConfigVariable> VARIABLES = List.of(
            new ConfigVariable(TEXT_MODEL_LEARNING, "true",
                    "Learn from the operator's rated texts (feedback with a rating and text): retrain, judge and"
                            + " promote text models. false: no training; promoted models are still read."),
            new ConfigVariable(TEXT_MODEL_VERSION, "",
                    "Read texts with this model version only (base-1, op-3), whatever is promoted later; empty:"
                            + " the latest promoted model, or the base model before any."),
            new ConfigVariable(TEXT_MODEL_BASE_FILE, "",
                    "A model file (from score train) to read with and build on instead of the bundled base model."),
            new ConfigVariable(TEXT_MODEL_RETRAIN_EVERY, "PT6H",
                    "Retrain at least this often while new rated texts came in, ISO-8601."),
            new ConfigVariable(TEXT_MODEL_RETRAIN_AFTER, "1000",
                    "Retrain as soon as this many new rated texts came in, 1-10000000."),
            new ConfigVariable(TEXT_MODEL_RETRAIN_GAP, "PT15M",
                    "Least time between two training rounds, however many rated texts come in, ISO-8601."),
            new ConfigVariable(TEXT_MODEL_MIN_EXAMPLES, "200",
                    "Rated texts needed before the first training, 10-10000000."),
            new ConfigVariable(TEXT_MODEL_MAX_EXAMPLES, "100000",
                    "The newest rated texts kept in memory and trained on, 100-10000000 (about 1 KB of heap each)."),
            new ConfigVariable(TEXT_MODEL_HELD_BACK_PERCENT, "20",
                    "Share of the newest rated texts (at most 2,000) held back to judge a new model against the"
                            + " current one, 1-50."),
            new ConfigVariable(TEXT_MODEL_LANGUAGE_MIN_EXAMPLES, "100",
                    "Rated texts a language the lexicon lacks needs before the model may read it, 1-10000000."),
            new ConfigVariable(TEXT_MODEL_LANGUAGE_FLOOR, "0.7",
                    "Held-back accuracy and negative F1 a learned language must both reach, 0-1; until then its"
                            + " texts read unknown."));

    public TextModelSettings {
        Objects.requireNonNull(pinnedVersion, "pinnedVersion");
        Objects.requireNonNull(baseModelFile, "baseModelFile");
        Objects.requireNonNull(retrainEvery, "retrainEvery");
        Objects.requireNonNull(retrainGap, "retrainGap");
        Objects.requireNonNull(training, "training");
    }

    public static TextModelSettings from(Map<String, String> env) {
        OperatorTraining.Settings defaults = OperatorTraining.Settings.DEFAULTS;
        String pinned = text(env, TEXT_MODEL_VERSION, "");
        if (!pinned.isEmpty() && pinned.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(TEXT_MODEL_VERSION + " must be one model version such as op-3, was '"
                    + pinned + "'");
        }
        return new TextModelSettings(
                flag(env, TEXT_MODEL_LEARNING, true),
                pinned.isEmpty() ? Optional.empty() : Optional.of(pinned),
                baseModelFile(env),
                positiveDuration(env, TEXT_MODEL_RETRAIN_EVERY, "PT6H"),
                wholeNumber(env, TEXT_MODEL_RETRAIN_AFTER, 1000, 1, 10_000_000),
                positiveDuration(env, TEXT_MODEL_RETRAIN_GAP, "PT15M"),
                wholeNumber(env, TEXT_MODEL_MIN_EXAMPLES, 200, 10, 10_000_000),
                wholeNumber(env, TEXT_MODEL_MAX_EXAMPLES, 100_000, 100, 10_000_000),
                new OperatorTraining.Settings(TrainingRecipe.OPERATOR,
                        wholeNumber(env, TEXT_MODEL_HELD_BACK_PERCENT, defaults.heldBackPercent(), 1, 50),
                        defaults.mostHeldBack(),
                        wholeNumber(env, TEXT_MODEL_LANGUAGE_MIN_EXAMPLES, defaults.languageMinimum(), 1, 10_000_000),
                        number(env, TEXT_MODEL_LANGUAGE_FLOOR, defaults.languageFloor(), 0.0, 1.0)));
    }

    private static Optional<Path> baseModelFile(Map<String, String> env) {
        String value = text(env, TEXT_MODEL_BASE_FILE, "");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(value);
            if (Files.isRegularFile(file) && Files.isReadable(file)) {
                return Optional.of(file);
            }
        } catch (InvalidPathException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(TEXT_MODEL_BASE_FILE + " must name a readable model file, was '" + value
                + "'");
    }
}
