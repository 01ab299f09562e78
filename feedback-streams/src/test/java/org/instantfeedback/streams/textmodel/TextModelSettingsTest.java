package org.instantfeedback.streams.textmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.instantfeedback.scoring.training.OperatorTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextModelSettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaults_learn_from_the_operator_every_six_hours_or_thousand_rated_texts() {
        TextModelSettings settings = TextModelSettings.from(Map.of());

        assertThat(settings.learning()).isTrue();
        assertThat(settings.pinnedVersion()).isEmpty();
        assertThat(settings.baseModelFile()).isEmpty();
        assertThat(settings.retrainEvery()).isEqualTo(Duration.ofHours(6));
        assertThat(settings.retrainAfter()).isEqualTo(1000);
        assertThat(settings.retrainGap()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.minimumExamples()).isEqualTo(200);
        assertThat(settings.maximumExamples()).isEqualTo(100_000);
        assertThat(settings.training()).isEqualTo(OperatorTraining.Settings.DEFAULTS);
    }

    @Test
    void every_setting_is_read() throws Exception {
        Path model = Files.writeString(dir.resolve("sofia.model"), "a model file");
        TextModelSettings settings = TextModelSettings.from(Map.ofEntries(
                Map.entry("TEXT_MODEL_LEARNING", "false"), Map.entry("TEXT_MODEL_VERSION", "op-3"),
                Map.entry("TEXT_MODEL_BASE_FILE", model.toString()), Map.entry("TEXT_MODEL_RETRAIN_EVERY", "PT1H"),
                Map.entry("TEXT_MODEL_RETRAIN_AFTER", "50"), Map.entry("TEXT_MODEL_RETRAIN_GAP", "PT1M"),
                Map.entry("TEXT_MODEL_MIN_EXAMPLES", "20"), Map.entry("TEXT_MODEL_MAX_EXAMPLES", "5000"),
                Map.entry("TEXT_MODEL_HELD_BACK_PERCENT", "30"), Map.entry("TEXT_MODEL_LANGUAGE_MIN_EXAMPLES", "40"),
                Map.entry("TEXT_MODEL_LANGUAGE_FLOOR", "0.8")));

        assertThat(settings.learning()).isFalse();
        assertThat(settings.pinnedVersion()).contains("op-3");
        assertThat(settings.baseModelFile()).isEqualTo(Optional.of(model));
        assertThat(settings.retrainEvery()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.retrainAfter()).isEqualTo(50);
        assertThat(settings.retrainGap()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.minimumExamples()).isEqualTo(20);
        assertThat(settings.maximumExamples()).isEqualTo(5000);
        assertThat(settings.training().heldBackPercent()).isEqualTo(30);
        assertThat(settings.training().languageMinimum()).isEqualTo(40);
        assertThat(settings.training().languageFloor()).isEqualTo(0.8);
    }

    @Test
    void a_malformed_setting_is_refused_with_its_name_and_value() {
        assertThatThrownBy(() -> TextModelSettings.from(Map.of("TEXT_MODEL_LEARNING", "maybe")))
                .hasMessage("TEXT_MODEL_LEARNING must be true or false, was 'maybe'");
        assertThatThrownBy(() -> TextModelSettings.from(Map.of("TEXT_MODEL_VERSION", "op 3")))
                .hasMessage("TEXT_MODEL_VERSION must be one model version such as op-3, was 'op 3'");
        assertThatThrownBy(() -> TextModelSettings.from(Map.of("TEXT_MODEL_RETRAIN_EVERY", "6h")))
                .hasMessage("TEXT_MODEL_RETRAIN_EVERY must be a positive ISO-8601 duration such as PT30S, was '6h'");
        assertThatThrownBy(() -> TextModelSettings.from(Map.of("TEXT_MODEL_HELD_BACK_PERCENT", "60")))
                .hasMessage("TEXT_MODEL_HELD_BACK_PERCENT must be a whole number from 1 to 50, was '60'");
        assertThatThrownBy(() -> TextModelSettings.from(Map.of("TEXT_MODEL_LANGUAGE_FLOOR", "1.5")))
                .hasMessage("TEXT_MODEL_LANGUAGE_FLOOR must be a number from 0.0 to 1.0, was '1.5'");
        assertThatThrownBy(() -> TextModelSettings.from(Map.of("TEXT_MODEL_BASE_FILE", dir.resolve("none").toString())))
                .hasMessageStartingWith("TEXT_MODEL_BASE_FILE must name a readable model file, was '");
    }
}
