package org.instantfeedback.streams.textmodel;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.instantfeedback.scoring.training.OperatorTraining;
import org.instantfeedback.scoring.training.TrainingRecipe;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParser;

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
    public static final String TEXT_MODEL_RETRAIN_EVERY = "TEXT_MODEL_RETRAIN_EVERY";
    public static final String TEXT_MODEL_RETRAIN_AFTER = "TEXT_MODEL_RETRAIN_AFTER";
    public static final String TEXT_MODEL_RETRAIN_GAP = "TEXT_MODEL_RETRAIN_GAP";
    public static final String TEXT_MODEL_MIN_EXAMPLES = "TEXT_MODEL_MIN_EXAMPLES";
    public static final String TEXT_MODEL_LANGUAGE_FLOOR = "TEXT_MODEL_LANGUAGE_FLOOR";

    private static final OperatorTraining.Settings DEFAULTS = OperatorTraining.Settings.DEFAULTS;
    private static final Setting<Boolean> LEARNING = Setting.flag(TEXT_MODEL_LEARNING, true,
            "Learn from the operator's rated texts (feedback with a rating and text): retrain, judge and"
                    + " promote text models. false: no training; promoted models are still read.");
    private static final Setting<Optional<String>> VERSION = Setting.optional(TEXT_MODEL_VERSION, oneVersion(),
            "Read texts with this model version only (base-1, op-3), whatever is promoted later; empty:"
                    + " the latest promoted model, or the base model before any.");
    private static final Setting<Optional<Path>> BASE_FILE = Setting.optional("TEXT_MODEL_BASE_FILE", readableFile(),
            "A model file (from score train) to read with and build on instead of the bundled base model.");
    private static final Setting<Duration> RETRAIN_EVERY = Setting.duration(TEXT_MODEL_RETRAIN_EVERY, "PT6H",
            "Retrain at least this often while new rated texts came in, ISO-8601.");
    private static final Setting<Integer> RETRAIN_AFTER = Setting.wholeNumber(TEXT_MODEL_RETRAIN_AFTER, 1000, 1,
            10_000_000, "Retrain as soon as this many new rated texts came in, 1-10000000.");
    private static final Setting<Duration> RETRAIN_GAP = Setting.duration(TEXT_MODEL_RETRAIN_GAP, "PT15M",
            "Least time between two training rounds, however many rated texts come in, ISO-8601.");
    private static final Setting<Integer> MIN_EXAMPLES = Setting.wholeNumber(TEXT_MODEL_MIN_EXAMPLES, 200, 10,
            10_000_000, "Rated texts needed before the first training, 10-10000000.");
    private static final Setting<Integer> MAX_EXAMPLES = Setting.wholeNumber("TEXT_MODEL_MAX_EXAMPLES", 100_000, 100,
            10_000_000,
            "The newest rated texts kept in memory and trained on, 100-10000000 (about 1 KB of heap each).");
    private static final Setting<Integer> HELD_BACK_PERCENT = Setting.wholeNumber("TEXT_MODEL_HELD_BACK_PERCENT",
            DEFAULTS.heldBackPercent(), 1, 50,
            "Share of the newest rated texts (at most 2,000) held back to judge a new model against the"
                    + " current one, 1-50.");
    private static final Setting<Integer> LANGUAGE_MIN_EXAMPLES = Setting.wholeNumber(
            "TEXT_MODEL_LANGUAGE_MIN_EXAMPLES", DEFAULTS.languageMinimum(), 1, 10_000_000,
            "Rated texts a language the lexicon lacks needs before the model may read it, 1-10000000.");
    private static final Setting<Double> LANGUAGE_FLOOR = Setting.number(TEXT_MODEL_LANGUAGE_FLOOR,
            DEFAULTS.languageFloor(), 0.0, 1.0,
            "Held-back accuracy and negative F1 a learned language must both reach, 0-1; until then its"
                    + " texts read unknown.");

    public static final List<Setting<?>> SETTINGS = List.of(LEARNING, VERSION, BASE_FILE, RETRAIN_EVERY,
            RETRAIN_AFTER, RETRAIN_GAP, MIN_EXAMPLES, MAX_EXAMPLES, HELD_BACK_PERCENT, LANGUAGE_MIN_EXAMPLES,
            LANGUAGE_FLOOR);

    public TextModelSettings {
        Objects.requireNonNull(pinnedVersion, "pinnedVersion");
        Objects.requireNonNull(baseModelFile, "baseModelFile");
        Objects.requireNonNull(retrainEvery, "retrainEvery");
        Objects.requireNonNull(retrainGap, "retrainGap");
        Objects.requireNonNull(training, "training");
    }

    public static TextModelSettings from(Map<String, String> env) {
        return new TextModelSettings(
                LEARNING.from(env),
                VERSION.from(env),
                BASE_FILE.from(env),
                RETRAIN_EVERY.from(env),
                RETRAIN_AFTER.from(env),
                RETRAIN_GAP.from(env),
                MIN_EXAMPLES.from(env),
                MAX_EXAMPLES.from(env),
                new OperatorTraining.Settings(TrainingRecipe.OPERATOR, HELD_BACK_PERCENT.from(env),
                        DEFAULTS.mostHeldBack(), LANGUAGE_MIN_EXAMPLES.from(env), LANGUAGE_FLOOR.from(env)));
    }

    private static ValueParser<String> oneVersion() {
        return text -> {
            if (text.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("must be one model version such as op-3");
            }
            return text;
        };
    }

    private static ValueParser<Path> readableFile() {
        return text -> {
            try {
                Path file = Path.of(text);
                if (Files.isRegularFile(file) && Files.isReadable(file)) {
                    return file;
                }
            } catch (InvalidPathException e) {
                // reported below, with the rule
            }
            throw new IllegalArgumentException("must name a readable model file");
        };
    }
}
