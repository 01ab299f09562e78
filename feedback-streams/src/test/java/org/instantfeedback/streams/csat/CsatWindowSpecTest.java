package org.instantfeedback.streams.csat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsatWindowSpecTest {
    private static final CsatWindowSpec DEFAULT = CsatWindowSpec.DEFAULT;

    @Test
    void the_current_window_is_the_one_covering_the_full_trailing_quarter_hour() {
        Instant now = Instant.parse("2026-05-04T12:07:30Z");

        Instant start = DEFAULT.currentWindowStart(now);

        assertThat(start).isEqualTo(Instant.parse("2026-05-04T11:53:00Z"));
        assertThat(DEFAULT.windowEnd(start)).isEqualTo(Instant.parse("2026-05-04T12:08:00Z"));
    }

    @Test
    void a_moment_on_a_minute_boundary_lies_inside_its_current_window() {
        Instant boundary = Instant.parse("2026-05-04T12:00:00Z");

        assertThat(DEFAULT.windowEnd(DEFAULT.currentWindowStart(boundary))).isAfter(boundary);
        assertThat(DEFAULT.currentWindowStart(boundary)).isEqualTo(Instant.parse("2026-05-04T11:46:00Z"));
    }

    @Test
    void counts_the_windows_a_late_record_can_no_longer_enter() {
        CsatWindowSpec tenByFive = new CsatWindowSpec(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(2));
        long eventTime = Instant.parse("2026-05-04T12:08:00Z").toEpochMilli();

        assertThat(tenByFive.closedWindowsFor(eventTime, Instant.parse("2026-05-04T12:11:59Z").toEpochMilli())).isZero();
        assertThat(tenByFive.closedWindowsFor(eventTime, Instant.parse("2026-05-04T12:12:00Z").toEpochMilli())).isEqualTo(1);
        assertThat(tenByFive.closedWindowsFor(eventTime, Instant.parse("2026-05-04T12:17:00Z").toEpochMilli())).isEqualTo(2);
    }

    @Test
    void refuses_an_advance_longer_than_the_window() {
        assertThatThrownBy(() -> new CsatWindowSpec(Duration.ofMinutes(5), Duration.ofMinutes(6), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("advance");
    }

    @Test
    void refuses_a_retention_shorter_than_a_window_and_its_grace() {
        assertThatThrownBy(() -> new CsatWindowSpec(Duration.ofMinutes(15), Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofMinutes(16)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retention");
    }
}
