package org.instantfeedback.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.EnumMap;
import java.util.Map;

import org.instantfeedback.scoring.SentimentLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StableSplitTest {

    private static final int IDS = 20_000;

    /**
     * Buckets as observed when the split was made: if the hash changes, texts move between the
     * training and test splits and every published figure silently stops meaning anything.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|23|DEVELOPMENT",
            "a|15|DEVELOPMENT",
            "bus 42 late again|69|TRAIN",
            "ratings.tsv:12|65|TRAIN",
            "vader.txt#1_1|5|TEST",
            "Трамвай 5 пак закъсня|67|TRAIN",
            "text-0|46|TRAIN",
            "text-9|11|TEST",
            "text-15|14|TEST",
            "text-50|15|DEVELOPMENT",
            "text-104|29|DEVELOPMENT",
            "text-78|30|TRAIN"})
    void a_text_id_always_lands_in_the_same_bucket_and_split(String id, int bucket, StableSplit split) {
        assertThat(StableSplit.bucket(id, 100)).isEqualTo(bucket);
        assertThat(StableSplit.of(id)).isEqualTo(split);
        assertThat(StableSplit.of(id)).isEqualTo(StableSplit.of(new String(id.toCharArray())));
    }

    @Test
    void the_split_of_a_text_depends_on_its_id_only() {
        LabelledText review = new LabelledText("Late again", SentimentLabel.NEGATIVE, "rail: titles", "gwr.com",
                "rail.tsv:2024-01-02:https://uk.trustpilot.com/review/www.gwr.com:Late", "rail.tsv:2");
        LabelledText itsText = new LabelledText("The 8:15 was cancelled", SentimentLabel.POSITIVE, "rail: texts",
                "other.com", review.id(), "elsewhere.tsv:40");

        assertThat(StableSplit.of(review)).isEqualTo(StableSplit.of(itsText)).isEqualTo(StableSplit.of(review.id()));
    }

    @Test
    void buckets_of_other_sizes_are_pinned_too() {
        assertThat(StableSplit.bucket("bus 42 late again", 7)).isEqualTo(4);
        assertThat(StableSplit.bucket("Трамвай 5 пак закъсня", 7)).isEqualTo(6);
        assertThat(StableSplit.bucket("a", 7)).isZero();
    }

    @Test
    void about_70_percent_train_15_development_and_15_test() {
        Map<StableSplit, Integer> counts = new EnumMap<>(StableSplit.class);
        for (int i = 0; i < IDS; i++) {
            counts.merge(StableSplit.of("sms.tsv:" + i), 1, Integer::sum);
        }

        assertThat(share(counts, StableSplit.TRAIN)).isCloseTo(0.70, offset(0.015));
        assertThat(share(counts, StableSplit.DEVELOPMENT)).isCloseTo(0.15, offset(0.015));
        assertThat(share(counts, StableSplit.TEST)).isCloseTo(0.15, offset(0.015));
    }

    private static double share(Map<StableSplit, Integer> counts, StableSplit split) {
        return counts.getOrDefault(split, 0) / (double) IDS;
    }
}
