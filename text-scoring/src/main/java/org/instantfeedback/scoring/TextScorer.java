package org.instantfeedback.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.instantfeedback.scoring.model.FeatureLayout;
import org.instantfeedback.scoring.model.FeatureVector;
import org.instantfeedback.scoring.model.LabelProbabilities;
import org.instantfeedback.scoring.model.TextModel;
import org.instantfeedback.scoring.model.TextModelFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what passengers write: sentiment (VADER, extended for transport and service feedback),
 * topics, urgency and language. Immutable and thread-safe once built; no network, no downloads.
 *
 * <pre>
 * TextScorer scorer = TextScorer.builder().extension(Path.of("scoring.txt")).build();
 * TextScore score = scorer.score("Bus 42 late again, missed my connection");
 * </pre>
 *
 * Work per text is linear in its length, which is capped at {@link #maxChars()}.
 */
public final class TextScorer {

    /** Far above an SMS or a social post; a longer text is scored on its beginning. */
    static final int DEFAULT_MAX_CHARS = 10_000;
    /** Terms a reading's explanation lists: enough to see why, few enough to read at a glance. */
    public static final int EXPLAINED_TERMS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(TextScorer.class);

    private static final String VADER_LEXICON = "vader/vader_lexicon.txt";
    private static final String EMOJI_LEXICON = "vader/emoji_utf8_lexicon.txt";

    private final Tokenizer tokenizer;
    private final SentimentAnalysis sentiment;
    private final TermFinder terms;
    private final LanguageIdentifier languages;
    private final TextModel model;
    private final int maxChars;
    private final String description;

    private TextScorer(Tokenizer tokenizer, SentimentAnalysis sentiment, TermFinder terms,
                       LanguageIdentifier languages, TextModel model, int maxChars, String description) {
        this.tokenizer = tokenizer;
        this.sentiment = sentiment;
        this.terms = terms;
        this.languages = languages;
        this.model = model;
        this.maxChars = maxChars;
        this.description = description;
    }

    public static Builder builder() {
        return new Builder();
    }

    public TextScore score(String text) {
        Reading reading = read(text);
        TokenizedText tokenized = reading.tokenized;
        LexiconReading lexicon = reading.lexicon;
        List<WeightedTerm> explanation = lexicon == null
                ? List.of() : lexicon.strongestTerms(tokenized.tokens(), EXPLAINED_TERMS);
        double compound = lexicon == null ? 0.0 : lexicon.compound();
        if (model != null && model.reads(reading.language)) {
            LabelProbabilities probabilities = model.probabilities(features(reading, model.layout()));
            return new TextScore(probabilities.label(), round(probabilities.balance()), probabilities,
                    model.version(), compound, explanation, reading.findings.topics(), reading.findings.urgent(),
                    reading.language);
        }
        if (lexicon == null) {
            return new TextScore(SentimentLabel.UNKNOWN, 0.0, null, null, 0.0, List.of(), reading.findings.topics(),
                    reading.findings.urgent(), reading.language);
        }
        return new TextScore(SentimentLabel.ofCompound(compound), compound, null, null, compound, explanation,
                reading.findings.topics(), reading.findings.urgent(), reading.language);
    }

    /**
     * The text as a model reads it, with its language: what {@code score train} and the operator's
     * feedback loop learn from. Features follow this scorer's model's layout, or the default one.
     */
    public TextFeatures features(String text) {
        return features(text, featureLayout());
    }

    /** The text's features in the given layout (for a model of another size than this scorer's). */
    public TextFeatures features(String text, FeatureLayout layout) {
        if (!ModelFeatures.fits(layout)) {
            throw new IllegalArgumentException("this scorer gives features of schema " + ModelFeatures.SCHEMA
                    + ", not " + layout);
        }
        Reading reading = read(text);
        return new TextFeatures(features(reading, layout), reading.language);
    }

    /** The layout of the features this scorer gives, for models to be trained on them. */
    public FeatureLayout featureLayout() {
        return model == null ? ModelFeatures.layout(ModelFeatures.DEFAULT_HASH_BITS) : model.layout();
    }

    /** The layout of the features for a model of {@code 2^hashBits} hashed slots. */
    public static FeatureLayout featureLayout(int hashBits) {
        return ModelFeatures.layout(hashBits);
    }

    /** The model that reads texts, or null for the lexicon alone. */
    public TextModel model() {
        return model;
    }

    /**
     * The same lexicon and language detection with another model (null: the lexicon alone); cheap,
     * so a service swaps models without loading anything again.
     */
    public TextScorer withModel(TextModel newModel) {
        if (newModel != null && !ModelFeatures.fits(newModel.layout())) {
            throw new IllegalArgumentException("model " + newModel.version() + " was trained on features "
                    + newModel.layout() + "; this scorer gives schema " + ModelFeatures.SCHEMA + " with "
                    + ModelFeatures.DENSE + " dense features");
        }
        return new TextScorer(tokenizer, sentiment, terms, languages, newModel, maxChars, description);
    }

    private Reading read(String text) {
        Objects.requireNonNull(text, "text");
        TokenizedText tokenized = tokenizer.tokenize(capped(text));
        String language = languages.identify(tokenized.tokens());
        TermFinder.Findings findings = terms.find(tokenized.tokens());
        boolean lexiconReads = language.equals(LanguageIdentifier.ENGLISH)
                || language.equals(LanguageIdentifier.UNDETERMINED);
        return new Reading(tokenized, language, findings, lexiconReads ? sentiment.read(tokenized) : null);
    }

    private static FeatureVector features(Reading reading, FeatureLayout layout) {
        return ModelFeatures.extract(reading.tokenized, reading.lexicon, reading.findings.urgent(),
                !reading.findings.topics().isEmpty(), layout);
    }

    private static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }

    /** One text tokenized, its language, its topics and urgency, and the lexicon's reading (null if not read). */
    private record Reading(TokenizedText tokenized, String language, TermFinder.Findings findings,
                           LexiconReading lexicon) {
    }

    public int maxChars() {
        return maxChars;
    }

    /** What was loaded, for the service's start-up log ("TextScorer[7524 lexicon entries, ..., model base-1]"). */
    @Override
    public String toString() {
        return description.substring(0, description.length() - 1)
                + (model == null ? ", no model]" : ", model " + model.version() + "]");
    }

    private String capped(String text) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end);
    }

    /** Builds a {@link TextScorer}; loading the lexicons and the language model takes a few seconds. */
    public static final class Builder {
        private final List<ScoringConfig> extensions = new ArrayList<>();
        private boolean transportExtension = true;
        private LanguageDetection languageDetection;
        private int maxChars = DEFAULT_MAX_CHARS;
        private boolean bundledModel = true;
        private TextModel model;

        private Builder() {
        }

        /** Reads with this model instead of the bundled base model. */
        public Builder model(TextModel textModel) {
            model = Objects.requireNonNull(textModel, "textModel");
            bundledModel = false;
            return this;
        }

        /** Reads with the model in this file (see {@link TextModelFile}) instead of the bundled one. */
        public Builder model(Path file) {
            return model(TextModelFile.read(file));
        }

        /** The lexicon alone decides the label, as before there was a model (for comparisons). */
        public Builder withoutModel() {
            model = null;
            bundledModel = false;
            return this;
        }

        /** Adds an operator's extension file; later extensions override earlier ones. */
        public Builder extension(Path file) {
            return extension(ScoringConfig.load(file));
        }

        public Builder extension(ScoringConfig config) {
            extensions.add(Objects.requireNonNull(config, "config"));
            return this;
        }

        /** Leaves out the built-in transport extension: plain VADER (for comparisons). */
        public Builder withoutTransportExtension() {
            transportExtension = false;
            return this;
        }

        /** Defaults to {@link OpenNlpLanguageDetection#loadBundled()}. */
        public Builder languageDetection(LanguageDetection detection) {
            languageDetection = Objects.requireNonNull(detection, "detection");
            return this;
        }

        public Builder maxChars(int chars) {
            if (chars < 1) {
                throw new IllegalArgumentException("maxChars must be positive, got " + chars);
            }
            maxChars = chars;
            return this;
        }

        public TextScorer build() {
            long started = System.nanoTime();
            ScoringConfig config = transportExtension ? ScoringConfig.builtIn() : ScoringConfig.empty();
            int extensionEntries = 0;
            for (ScoringConfig extension : extensions) {
                config = config.and(extension);
                extensionEntries += extension.size();
            }
            Map<Integer, Double> emojiValences = emojiValences(config);
            Lexicon lexicon = loadVaderLexicon().with(singleWordValences(config)).with(emojiKeys(emojiValences));
            PhraseTable.Builder phrases = PhraseTable.builder();
            Set<String> phraseStarts = new HashSet<>();
            addPhrases(phrases, phraseStarts, config, lexicon);
            PhraseTable phraseTable = phrases.build();
            Vocabulary vocabulary = Vocabulary.of(lexicon,
                    EnglishVocabulary.of(resource(EnglishVocabulary.COMMON_WORDS_RESOURCE)), phraseTable, phraseStarts);
            EmojiDescriptions emoji = EmojiDescriptions.load(resource(EMOJI_LEXICON)).scoringWhole(emojiValences.keySet());
            Tokenizer tokenizer = new Tokenizer(emoji, lexicon.emoticons(), vocabulary);
            LanguageDetection detection = languageDetection != null
                    ? languageDetection : OpenNlpLanguageDetection.loadBundled();
            String description = String.format(Locale.ROOT,
                    "TextScorer[%d lexicon entries, transport extension %s, %d operator entries, max %d chars]",
                    lexicon.size(), transportExtension ? "on" : "off", extensionEntries, maxChars);
            TextScorer scorer = new TextScorer(tokenizer, new SentimentAnalysis(phraseTable),
                    new TermFinder(phraseTable), new LanguageIdentifier(detection), null, maxChars, description)
                    .withModel(bundledModel ? BundledModel.load() : model);
            // DEBUG: the score command writes JSON on stdout, where a console log would end up
            LOG.debug("{} built in {} ms", scorer, (System.nanoTime() - started) / 1_000_000);
            return scorer;
        }

        private static Lexicon loadVaderLexicon() {
            try (InputStream in = resource(VADER_LEXICON)) {
                return Lexicon.loadVader(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Map<String, Double> singleWordValences(ScoringConfig config) {
            Map<String, Double> valences = new HashMap<>();
            for (ScoringConfig.ValenceEntry entry : config.valences()) {
                if (entry.words().size() == 1) {
                    valences.put(entry.words().get(0), entry.valence());
                }
            }
            return valences;
        }

        private static Map<Integer, Double> emojiValences(ScoringConfig config) {
            Map<Integer, Double> valences = new HashMap<>();
            config.emoji().forEach(entry -> valences.put(entry.codePoint(), entry.valence()));
            return valences;
        }

        private static Map<String, Double> emojiKeys(Map<Integer, Double> valences) {
            Map<String, Double> keys = new HashMap<>();
            valences.forEach((codePoint, valence) -> keys.put(new String(Character.toChars(codePoint)), valence));
            return keys;
        }

        /**
         * Sentiment phrases (VADER's multi-word lexicon entries and idioms, then the configuration's),
         * topic terms and urgency terms, in one table. One-word valences live in the lexicon instead.
         */
        private static void addPhrases(PhraseTable.Builder phrases, Set<String> starts, ScoringConfig config,
                                       Lexicon lexicon) {
            Map<String, Double> vaderPhrases = new HashMap<>(lexicon.multiWordEntries());
            vaderPhrases.putAll(VaderRules.IDIOMS);
            vaderPhrases.forEach((phrase, valence) -> put(phrases, starts, ScoringConfig.termWords(phrase),
                    Phrase.valence(valence)));
            for (ScoringConfig.ValenceEntry entry : config.valences()) {
                if (entry.words().size() > 1) {
                    put(phrases, starts, entry.words(), Phrase.valence(entry.valence()));
                }
            }
            config.topics().forEach(entry -> put(phrases, starts, entry.words(), Phrase.topic(entry.topic())));
            config.urgency().forEach(entry -> put(phrases, starts, entry.words(), Phrase.urgency(entry.urgent())));
        }

        private static void put(PhraseTable.Builder phrases, Set<String> starts, List<String> words, Phrase phrase) {
            phrases.put(words, phrase);
            starts.add(words.get(0));
        }

        private static InputStream resource(String name) {
            InputStream in = TextScorer.class.getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in;
        }
    }
}
