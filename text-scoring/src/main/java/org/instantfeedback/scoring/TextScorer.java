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
    public static final int DEFAULT_MAX_CHARS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(TextScorer.class);

    static final String VADER_LEXICON = "vader/vader_lexicon.txt";
    static final String EMOJI_LEXICON = "vader/emoji_utf8_lexicon.txt";

    private final Tokenizer tokenizer;
    private final SentimentAnalysis sentiment;
    private final TermFinder terms;
    private final LanguageIdentifier languages;
    private final int maxChars;
    private final String description;

    private TextScorer(Tokenizer tokenizer, SentimentAnalysis sentiment, TermFinder terms,
                       LanguageIdentifier languages, int maxChars, String description) {
        this.tokenizer = tokenizer;
        this.sentiment = sentiment;
        this.terms = terms;
        this.languages = languages;
        this.maxChars = maxChars;
        this.description = description;
    }

    public static Builder builder() {
        return new Builder();
    }

    public TextScore score(String text) {
        Objects.requireNonNull(text, "text");
        TokenizedText tokenized = tokenizer.tokenize(capped(text));
        String language = languages.identify(tokenized.tokens());
        TermFinder.Findings findings = terms.find(tokenized.tokens());
        if (!language.equals(LanguageIdentifier.ENGLISH) && !language.equals(LanguageIdentifier.UNDETERMINED)) {
            return new TextScore(0.0, SentimentLabel.UNKNOWN, findings.topics(), findings.urgent(), language);
        }
        double compound = sentiment.compound(tokenized);
        return new TextScore(compound, SentimentLabel.ofCompound(compound), findings.topics(), findings.urgent(),
                language);
    }

    public int maxChars() {
        return maxChars;
    }

    /** What was loaded, for the service's start-up log ("TextScorer[7524 lexicon entries, ...]"). */
    @Override
    public String toString() {
        return description;
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

        private Builder() {
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
            // DEBUG: the score command writes JSON on stdout, where a console log would end up
            LOG.debug("{} built in {} ms", description, (System.nanoTime() - started) / 1_000_000);
            return new TextScorer(tokenizer, new SentimentAnalysis(phraseTable), new TermFinder(phraseTable),
                    new LanguageIdentifier(detection), maxChars, description);
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
