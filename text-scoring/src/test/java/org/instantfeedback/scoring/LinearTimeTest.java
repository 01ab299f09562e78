package org.instantfeedback.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Work is linear in the text's length, and the length is capped. Timing is relative (a ten times
 * longer text may take at most 30 times as long: linear gives about 10, quadratic about 100) and
 * measured as the best of several runs, so a busy machine does not fail the test.
 */
class LinearTimeTest {

    private static final int SHORT = 2_000;
    private static final int LONG = 20_000;
    private static final double MAX_RATIO = 30.0;
    private static final int ATTEMPTS = 3;

    private final TextScorer uncapped = Scorers.builder().maxChars(1_000_000).build();

    static Stream<Arguments> pathologicalInputs() {
        return Stream.of(
                input("thousands of emoji", n -> "😡".repeat(n / 2)),
                input("one very long word", n -> "a".repeat(n)),
                input("one long word of varied letters", n -> "abcdefghij".repeat(n / 10)),
                input("one long word with apostrophes", n -> "don't".repeat(n / 5)),
                input("long repeated complaint", n -> "Bus 42 late again, driver was RUDE!!! ".repeat(n / 38)),
                input("negations and boosters only", n -> "not very ".repeat(n / 9)),
                input("phrase prefixes that never complete", n -> "missed my ".repeat(n / 10)),
                input("punctuation only", n -> "!?.,".repeat(n / 4)),
                input("emoticons", n -> ":) <3 ".repeat(n / 6)),
                input("ratings and numbers", n -> "2/5 7:45 ".repeat(n / 9)),
                input("one endless hashtag", n -> "#" + "a".repeat(n - 1)),
                input("one long word in another script (the model's character n-grams)", n -> "ж".repeat(n)),
                input("a long text in another script", n -> "Трамвай 5 закъсня пак ".repeat(n / 22)),
                input("one endless url", n -> "https://" + "a".repeat(n - 8)),
                input("combining marks", n -> "e\u0301".repeat(n / 2)));
    }

    private static Arguments input(String name, IntFunction<String> ofLength) {
        return Arguments.of(name, ofLength);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathologicalInputs")
    void ten_times_the_text_takes_at_most_thirty_times_the_work(String name, IntFunction<String> ofLength) {
        String shortText = ofLength.apply(SHORT);
        String longText = ofLength.apply(LONG);
        // A pause of the machine can spoil one measurement; quadratic work spoils every one.
        double ratio = Double.MAX_VALUE;
        for (int attempt = 0; attempt < ATTEMPTS && ratio >= MAX_RATIO; attempt++) {
            ratio = Math.min(ratio, timeRatio(uncapped, longText, shortText));
        }
        System.out.printf("linear-time %-36s %6d chars -> %6d chars: %5.1fx the time%n",
                name, shortText.length(), longText.length(), ratio);
        assertThat(ratio).as("time ratio for %s", name).isLessThan(MAX_RATIO);
    }

    @Test
    void a_text_longer_than_the_cap_is_scored_on_its_beginning() {
        TextScorer capped = Scorers.lexiconBuilder().maxChars(40).build();
        String text = "The driver was lovely and kind to us. " + "The bus was filthy and awful and late.";
        assertThat(capped.maxChars()).isEqualTo(40);
        assertThat(capped.score(text).label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(Scorers.lexicon().score(text).label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void the_cap_never_splits_an_emoji_in_half() {
        TextScorer capped = Scorers.lexiconBuilder().maxChars(3).build();
        assertThat(capped.score("ok😡").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(Scorers.lexiconBuilder().maxChars(4).build().score("ok😡").label())
                .isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void the_default_cap_bounds_the_work_for_any_text_length() {
        TextScorer scorer = Scorers.standard();
        assertThat(scorer.maxChars()).isEqualTo(TextScorer.DEFAULT_MAX_CHARS);
        String atCap = "late again ".repeat(TextScorer.DEFAULT_MAX_CHARS / 11);
        String huge = "late again ".repeat(1_000_000 / 11);
        assertThat(timeRatio(scorer, huge, atCap)).isLessThan(5.0);
    }

    /**
     * Time per text of {@code longer} over that of {@code shorter}. Both are timed in alternating
     * batches after a warm-up, so they see the same compiled code, and the best batch of each
     * counts: the least disturbed measurement.
     */
    private static double timeRatio(TextScorer scorer, String longer, String shorter) {
        long bestLonger = Long.MAX_VALUE;
        long bestShorter = Long.MAX_VALUE;
        for (int round = 0; round < 12; round++) {
            long longerNanos = nanosPerText(scorer, longer);
            long shorterNanos = nanosPerText(scorer, shorter);
            if (round >= 2) { // the first rounds are the warm-up
                bestLonger = Math.min(bestLonger, longerNanos);
                bestShorter = Math.min(bestShorter, shorterNanos);
            }
        }
        return (double) bestLonger / Math.max(1, bestShorter);
    }

    private static long nanosPerText(TextScorer scorer, String text) {
        int repetitions = Math.max(1, 100_000 / Math.max(1, Math.min(text.length(), scorer.maxChars())));
        long start = System.nanoTime();
        for (int i = 0; i < repetitions; i++) {
            scorer.score(text);
        }
        return (System.nanoTime() - start) / repetitions;
    }
}
