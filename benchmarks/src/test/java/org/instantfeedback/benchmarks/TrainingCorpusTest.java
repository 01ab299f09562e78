package org.instantfeedback.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.instantfeedback.scoring.SentimentLabel;
import org.instantfeedback.scoring.training.LabelledText;
import org.junit.jupiter.api.Test;

class TrainingCorpusTest {

    @Test
    void the_same_varied_labelled_texts_on_every_run() {
        List<LabelledText> texts = TrainingCorpus.generate(3_000);

        assertThat(texts).hasSize(3_000).isEqualTo(TrainingCorpus.generate(3_000));
        assertThat(texts.stream().map(LabelledText::label).collect(Collectors.toSet()))
                .isEqualTo(Set.of(SentimentLabel.NEGATIVE, SentimentLabel.NEUTRAL, SentimentLabel.POSITIVE));
        assertThat(texts.stream().map(LabelledText::text).distinct().count()).isGreaterThan(2_900);
        assertThat(texts.stream().filter(text -> text.source().startsWith("rated_bulgarian")).count())
                .isBetween(150L, 350L);
        assertThat(texts).allSatisfy(text -> assertThat(text.text().length()).isBetween(1, 320));
        assertThat(TrainingCorpus.describe(texts)).startsWith("3,000 labelled texts");
    }
}
