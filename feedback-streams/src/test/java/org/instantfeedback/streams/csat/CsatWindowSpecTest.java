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
    void a_slice_is_the_greatest_common_divisor_of_size_and_advance() {
        assertThat(DEFAULT.slice()).isEqualTo(Duration.ofMinutes(1));
        assertThat(new CsatWindowSpec(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ZERO).slice())
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(new CsatWindowSpec(Duration.ofMinutes(10), Duration.ofMinutes(4), Duration.ZERO).slice())
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(new CsatWindowSpec(Duration.ofSeconds(90), Duration.ofSeconds(60), Duration.ZERO).slice())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(new CsatWindowSpec(Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ZERO).slice())
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void a_slice_stays_open_as_long_as_the_latest_window_holding_it() {
        assertThat(DEFAULT.sliceGrace()).isEqualTo(Duration.ofMinutes(16));
        assertThat(DEFAULT.sliceWindows().size()).isEqualTo(Duration.ofMinutes(1).toMillis());
        assertThat(DEFAULT.sliceWindows().gracePeriodMs()).isEqualTo(Duration.ofMinutes(16).toMillis());
        // The slice [12:07, 12:08) and the latest window holding it, [12:07, 12:22), both close at 12:24.
        long sliceEnd = Instant.parse("2026-05-04T12:08:00Z").toEpochMilli();
        assertThat(sliceEnd + DEFAULT.sliceGrace().toMillis())
                .isEqualTo(Instant.parse("2026-05-04T12:24:00Z").toEpochMilli());
        assertThat(new CsatWindowSpec(Duration.ofMinutes(10), Duration.ofMinutes(4), Duration.ofMinutes(3)).sliceGrace())
                .isEqualTo(Duration.ofMinutes(10 - 2 + 3));
    }

    @Test
    void a_window_is_the_run_of_slices_from_its_start_to_a_size_later() {
        long start = Instant.parse("2026-05-04T11:53:00Z").toEpochMilli();

        assertThat(DEFAULT.firstSliceOf(start)).isEqualTo(start);
        assertThat(DEFAULT.lastSliceOf(start)).isEqualTo(Instant.parse("2026-05-04T12:07:00Z").toEpochMilli());
        assertThat(DEFAULT.windowHoldsSlice(start, Instant.parse("2026-05-04T12:07:00Z").toEpochMilli())).isTrue();
        assertThat(DEFAULT.windowHoldsSlice(start, Instant.parse("2026-05-04T12:08:00Z").toEpochMilli())).isFalse();
        assertThat(DEFAULT.windowHoldsSlice(start, Instant.parse("2026-05-04T11:52:00Z").toEpochMilli())).isFalse();
        assertThat(DEFAULT.sliceStartOf(Instant.parse("2026-05-04T12:07:30Z").toEpochMilli()))
                .isEqualTo(Instant.parse("2026-05-04T12:07:00Z").toEpochMilli());
    }

    @Test
    void a_rating_is_too_late_only_once_every_window_holding_it_has_closed() {
        CsatWindowSpec tenByFour = new CsatWindowSpec(Duration.ofMinutes(10), Duration.ofMinutes(4), Duration.ofMinutes(2));
        // Windows start every 4 minutes (12:00, 12:04, ...): 12:07 lies in [12:00, 12:10) and [12:04, 12:14): the latter closes at 12:16.
        long eventTime = Instant.parse("2026-05-04T12:07:00Z").toEpochMilli();
        long beforeClose = Instant.parse("2026-05-04T12:15:59Z").toEpochMilli();
        long atClose = Instant.parse("2026-05-04T12:16:00Z").toEpochMilli();

        assertThat(tenByFour.tooLateForEveryWindow(eventTime, beforeClose)).isFalse();
        assertThat(tenByFour.tooLateForEveryWindow(eventTime, atClose)).isTrue();
        assertThat(tenByFour.placementForTooLate(eventTime, beforeClose)).isEqualTo(eventTime);
        // Too late: placed at 12:04, in the slice [12:04, 12:06), which closes at 12:06 + 10 min, i.e. now.
        long placed = tenByFour.placementForTooLate(eventTime, atClose);
        assertThat(placed).isEqualTo(Instant.parse("2026-05-04T12:04:00Z").toEpochMilli());
        assertThat(tenByFour.sliceStartOf(placed) + tenByFour.slice().toMillis() + tenByFour.sliceGrace().toMillis())
                .isEqualTo(atClose);
        // Its own slice [12:06, 12:08) would have stayed open until 12:18.
        assertThat(tenByFour.sliceStartOf(eventTime) + tenByFour.slice().toMillis() + tenByFour.sliceGrace().toMillis())
                .isGreaterThan(atClose);
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
