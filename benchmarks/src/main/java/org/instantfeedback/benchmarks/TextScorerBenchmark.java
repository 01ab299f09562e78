package org.instantfeedback.benchmarks;

import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.instantfeedback.scoring.TextScore;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.scoring.model.TextModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of {@link TextScorer} as shipped (the lexicon and the bundled learned model) on one
 * thread (texts per second per core) on SMS-length passenger messages, beside same-run references:
 * the same English texts read by the lexicon alone ({@code withoutModel()}, so the model's cost
 * shows) and lower-casing and splitting the same texts (the least any word-based scorer must do);
 * plus pathological inputs at two sizes, read by the model, to show the work is linear in the
 * text's length. Run with {@link RunScorerBenchmarks}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class TextScorerBenchmark {

    /** The scorer as shipped (with the bundled model), the lexicon alone, and the SMS corpus. */
    @State(Scope.Benchmark)
    public static class Sms {
        TextScorer scorer;
        TextScorer lexiconOnly;
        String[] mixed;
        String[] english;

        @Setup(Level.Trial)
        public void setUp() {
            scorer = TextScorer.builder().build();
            lexiconOnly = TextScorer.builder().withoutModel().build();
            mixed = SmsCorpus.mixed();
            english = SmsCorpus.englishOnly();
            if (scorer.model() == null || lexiconOnly.model() != null) {
                throw new IllegalStateException("expected the shipped scorer with its model and one without: "
                        + scorer + ", " + lexiconOnly);
            }
            for (String text : english) {
                requireModelReading(scorer, text);
            }
        }
    }

    /** Passenger SMS as they come, one in twelve in another language (detector path). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(SmsCorpus.SIZE)
    public void scoreSms(Sms sms, Blackhole sink) {
        for (String text : sms.mixed) {
            sink.consume(sms.scorer.score(text));
        }
    }

    /** English passenger SMS: the fast path, no language detector; every text read by the model. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(SmsCorpus.SIZE)
    public void scoreEnglishSms(Sms sms, Blackhole sink) {
        for (String text : sms.english) {
            sink.consume(sms.scorer.score(text));
        }
    }

    /** Reference: the same English texts read by the lexicon alone, as before there was a model. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(SmsCorpus.SIZE)
    public void scoreEnglishSmsLexiconOnly(Sms sms, Blackhole sink) {
        for (String text : sms.english) {
            sink.consume(sms.lexiconOnly.score(text));
        }
    }

    /** Reference: lower-case and split the same texts on spaces. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(SmsCorpus.SIZE)
    public void referenceLowerCaseAndSplit(Sms sms, Blackhole sink) {
        for (String text : sms.mixed) {
            sink.consume(text.toLowerCase(Locale.ROOT).split(" "));
        }
    }

    /**
     * Inputs built to hurt: each at two sizes, so the time per character shows linearity. All are
     * read by the model (checked at set-up): the scorer as shipped for the first three; for the
     * Cyrillic text, whose language the lexicon lacks, the shipped model made to read that language
     * too (what an operator's model becomes once it has learned it), so that the model's character
     * n-grams are extracted. The shipped model alone would read it UNKNOWN and extract nothing.
     */
    @State(Scope.Benchmark)
    public static class Pathological {

        /** A delay report in Bulgarian: "Tram 5 late again". */
        private static final String CYRILLIC = "Трамвай 5 закъсня пак ";

        @Param({"1000", "10000"})
        public int chars;

        TextScorer scorer;
        TextScorer learnedLanguageScorer;
        String emoji;
        String longWord;
        String repeatedText;
        String cyrillicText;

        @Setup(Level.Trial)
        public void setUp() {
            scorer = TextScorer.builder().maxChars(chars).build();
            emoji = "😡".repeat(chars / 2);
            longWord = "a".repeat(chars);
            repeatedText = repeatTo("Bus 42 late again, driver was RUDE!!! ", chars);
            cyrillicText = repeatTo(CYRILLIC, chars);
            String language = scorer.score(cyrillicText).language();
            if (language.equals("en") || language.equals("und")) {
                throw new IllegalStateException("the Cyrillic text reads as '" + language
                        + "', which the lexicon reads: no character n-grams would be extracted");
            }
            learnedLanguageScorer = scorer.withModel(alsoReading(scorer.model(), language));
            requireModelReading(scorer, emoji);
            requireModelReading(scorer, longWord);
            requireModelReading(scorer, repeatedText);
            requireModelReading(learnedLanguageScorer, cyrillicText);
        }

        private static String repeatTo(String text, int chars) {
            return text.repeat(chars / text.length() + 1).substring(0, chars);
        }

        private static TextModel alsoReading(TextModel model, String language) {
            SortedSet<String> languages = new TreeSet<>(model.info().languages());
            languages.add(language);
            return model.withInfo(model.info().withLanguages(languages));
        }
    }

    /** Fails the set-up unless the scorer's model gives the text's reading. */
    static TextScore requireModelReading(TextScorer scorer, String text) {
        TextScore score = scorer.score(text);
        if (score.probabilities() == null || score.modelVersion() == null) {
            throw new IllegalStateException("the model does not read this text (language " + score.language()
                    + "): " + text.substring(0, Math.min(60, text.length())));
        }
        return score;
    }

    /** 500 or 5,000 emoji. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Object emoji(Pathological input) {
        return input.scorer.score(input.emoji);
    }

    /** One word of 1,000 or 10,000 letters. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Object oneLongWord(Pathological input) {
        return input.scorer.score(input.longWord);
    }

    /** A complaint repeated to 1,000 or 10,000 characters. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Object repeatedText(Pathological input) {
        return input.scorer.score(input.repeatedText);
    }

    /** Cyrillic words ("Трамвай 5 закъсня пак" repeated) read by a model that reads their language: character n-grams. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Object cyrillicText(Pathological input) {
        return input.learnedLanguageScorer.score(input.cyrillicText);
    }
}
