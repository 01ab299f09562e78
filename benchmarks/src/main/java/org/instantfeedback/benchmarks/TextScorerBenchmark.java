package org.instantfeedback.benchmarks;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.instantfeedback.scoring.TextScorer;
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
 * Throughput of {@link TextScorer} on one thread (texts per second per core) on SMS-length
 * passenger messages, beside a same-run reference (lower-casing and splitting the same texts, the
 * least any word-based scorer must do), plus pathological inputs at two sizes to show the work is
 * linear in the text's length. Run with {@link RunScorerBenchmarks}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class TextScorerBenchmark {

    /** The scorer as shipped, and the SMS corpus. */
    @State(Scope.Benchmark)
    public static class Sms {
        TextScorer scorer;
        String[] mixed;
        String[] english;

        @Setup(Level.Trial)
        public void setUp() {
            scorer = TextScorer.builder().build();
            mixed = SmsCorpus.mixed();
            english = SmsCorpus.englishOnly();
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

    /** English passenger SMS: the fast path, no language detector. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(SmsCorpus.SIZE)
    public void scoreEnglishSms(Sms sms, Blackhole sink) {
        for (String text : sms.english) {
            sink.consume(sms.scorer.score(text));
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

    /** Inputs built to hurt: each at two sizes, so the time per character shows linearity. */
    @State(Scope.Benchmark)
    public static class Pathological {

        @Param({"1000", "10000"})
        public int chars;

        TextScorer scorer;
        String emoji;
        String longWord;
        String repeatedText;

        @Setup(Level.Trial)
        public void setUp() {
            scorer = TextScorer.builder().maxChars(chars).build();
            emoji = "😡".repeat(chars / 2);
            longWord = "a".repeat(chars);
            String complaint = "Bus 42 late again, driver was RUDE!!! ";
            repeatedText = complaint.repeat(chars / complaint.length() + 1).substring(0, chars);
        }
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
}
