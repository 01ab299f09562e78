package org.instantfeedback.alerting.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.codec.CorruptStateException;
import org.junit.jupiter.api.Test;

class WindowMetricsCodecTest {

    @Test
    void reads_back_what_it_wrote_with_exact_sender_counts() {
        WindowMetrics metrics = fold(WindowMetricsTest.mixedFeedback(40));

        WindowMetrics read = WindowMetricsCodec.decode(WindowMetricsCodec.encode(metrics));

        assertThat(read).isEqualTo(metrics);
        assertThat(read.senders().isExact()).isTrue();
    }

    @Test
    void reads_back_what_it_wrote_with_estimated_sender_counts() {
        WindowMetrics metrics = fold(WindowMetricsTest.mixedFeedback(40));
        for (int i = 0; i < 500; i++) {
            metrics = metrics.add(new FeedbackObservation("crowd-" + i, "route-42",
                    Instant.parse("2025-03-10T08:05:00Z"), null, null, "negative", false,
                    List.of(), "person-" + i, "Übervoll, schon wieder 😡"));
        }

        WindowMetrics read = WindowMetricsCodec.decode(WindowMetricsCodec.encode(metrics));

        assertThat(read).isEqualTo(metrics);
        assertThat(read.senders().isExact()).isFalse();
        assertThat(read.figures(Instant.EPOCH, Instant.EPOCH).examples())
                .first().isEqualTo("Übervoll, schon wieder 😡");
    }

    @Test
    void reads_back_an_empty_window() {
        assertThat(WindowMetricsCodec.decode(WindowMetricsCodec.encode(WindowMetrics.empty())))
                .isEqualTo(WindowMetrics.empty());
    }

    @Test
    void refuses_bytes_of_an_unknown_version() {
        byte[] bytes = WindowMetricsCodec.encode(WindowMetrics.empty());
        bytes[0] = 9;

        assertThatThrownBy(() -> WindowMetricsCodec.decode(bytes))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("version 9");
    }

    @Test
    void refuses_truncated_bytes() {
        byte[] bytes = WindowMetricsCodec.encode(fold(WindowMetricsTest.mixedFeedback(5)));

        assertThatThrownBy(() -> WindowMetricsCodec.decode(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("window metrics");
    }

    @Test
    void reads_back_text_with_characters_outside_ascii_and_nul() {
        WindowMetrics metrics = WindowMetrics.of(new FeedbackObservation("odd-text", "route-42",
                Instant.parse("2025-03-10T08:05:00Z"), null, null, "negative", false, List.of(), "person-1",
                "a\u0000b \u00e9\u4e2d \ud83d\ude8c"));

        WindowMetrics read = WindowMetricsCodec.decode(WindowMetricsCodec.encode(metrics));

        assertThat(read).isEqualTo(metrics);
    }

    @Test
    void refuses_bytes_cut_at_any_point_or_with_bytes_left_over() {
        byte[] bytes = WindowMetricsCodec.encode(fold(WindowMetricsTest.mixedFeedback(5)));

        for (int length = 1; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> WindowMetricsCodec.decode(cut))
                    .as("cut to %d of %d bytes", length, bytes.length)
                    .isInstanceOf(CorruptStateException.class);
        }
        assertThatThrownBy(() -> WindowMetricsCodec.decode(Arrays.copyOf(bytes, bytes.length + 2)))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("2 unexpected bytes at the end");
    }

    private static WindowMetrics fold(Iterable<FeedbackObservation> observations) {
        WindowMetrics metrics = WindowMetrics.empty();
        for (FeedbackObservation observation : observations) {
            metrics = metrics.add(observation);
        }
        return metrics;
    }
}
