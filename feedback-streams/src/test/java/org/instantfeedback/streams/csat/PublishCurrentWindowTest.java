package org.instantfeedback.streams.csat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.TimeWindow;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.instantfeedback.events.CsatWindow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The feedback.csat.v2 publisher on its own, fed slice changes the way the record cache hands them
 * over at a commit: several at once, all seeing the store as it is at the end of the commit. The
 * default windows: 15 minutes every minute, 1-minute slices.
 */
class PublishCurrentWindowTest {
    private static final CsatWindowSpec WINDOWS = CsatWindowSpec.DEFAULT;
    private static final String ROUTE = "route-42";
    private static final long SLICE = Duration.ofMinutes(1).toMillis();

    private MockProcessorContext<String, CsatWindow> context;
    private TimestampedWindowStore<String, CsatTally> slices;
    private PublishCurrentWindow publisher;

    @BeforeEach
    void start() {
        context = new MockProcessorContext<>();
        slices = Stores.timestampedWindowStoreBuilder(
                        Stores.inMemoryWindowStore(CsatTopology.SLICE_STORE, Duration.ofHours(1), Duration.ofMinutes(1), false),
                        Serdes.String(), new CsatTallySerde())
                .withLoggingDisabled()
                .withCachingDisabled()
                .build();
        slices.init(context.getStateStoreContext(), slices);
        context.addStateStore(slices);
        publisher = new PublishCurrentWindow(WINDOWS, 100);
        publisher.init(context);
    }

    /**
     * In time order, a commit across a slice boundary closes one window and opens the next: both
     * are published, the closing one with its last minute, so every window's last record holds
     * everything it will ever hold.
     */
    @Test
    void a_commit_across_a_slice_boundary_publishes_the_closing_window_then_the_next() {
        rate("12:06:50", 5);
        rate("12:07:10", 1);

        commit("12:07:10", "12:06", "12:07");

        List<CsatWindow> published = published();
        assertThat(published).extracting(CsatWindow::getWindowStart).containsExactly(at("11:52"), at("11:53"));
        assertThat(published).extracting(CsatWindow::getWindowEnd).containsExactly(at("12:07"), at("12:08"));
        assertThat(published).extracting(CsatWindow::getRatedResponses).containsExactly(1L, 2L);
        assertThat(published.get(1).getCsatPercent()).isEqualTo(50.0);
    }

    @Test
    void two_changes_of_one_slice_in_one_commit_publish_its_window_once() {
        rate("12:07:10", 5);
        rate("12:07:20", 1);

        commit("12:07:20", "12:07", "12:07");

        assertThat(published()).extracting(CsatWindow::getRatedResponses).containsExactly(2L);
    }

    @Test
    void the_next_commit_that_changes_the_same_window_publishes_it_again() {
        rate("12:07:10", 5);
        commit("12:07:10", "12:07");
        rate("12:07:20", 2);
        commit("12:07:20", "12:07");

        assertThat(published()).extracting(CsatWindow::getRatedResponses).containsExactly(1L, 2L);
    }

    @Test
    void a_late_rating_for_an_older_window_publishes_nothing_and_v2_does_not_go_back_in_time() {
        rate("12:07:10", 5);
        commit("12:07:10", "12:07");
        rate("12:09:00", 4);
        commit("12:09:00", "12:09");

        // 12:05 lies in the last window published, [11:55, 12:10): published again; 11:54 does not.
        rate("11:54:30", 1);
        commit("12:09:00", "11:54");
        rate("12:05:00", 3);
        commit("12:09:00", "12:05");

        List<CsatWindow> published = published();
        assertThat(published).extracting(CsatWindow::getWindowStart)
                .containsExactly(at("11:53"), at("11:55"), at("11:55"));
        assertThat(published.get(2).getRatedResponses()).isEqualTo(3);
    }

    @Test
    void a_window_already_published_with_the_same_figures_is_not_published_again() {
        rate("12:07:10", 5);
        commit("12:07:10", "12:07");
        commit("12:07:30", "12:07");

        assertThat(published()).hasSize(1);
    }

    private void rate(String time, int stars) {
        long at = at(time).toEpochMilli();
        long sliceStart = WINDOWS.sliceStartOf(at);
        ValueAndTimestamp<CsatTally> slice = slices.fetch(ROUTE, sliceStart);
        CsatTally tally = CsatTally.ofRating(stars, at);
        CsatTally sum = slice == null ? tally : slice.value().plus(tally);
        slices.put(ROUTE, ValueAndTimestamp.make(sum, Math.max(at, slice == null ? at : slice.timestamp())), sliceStart);
    }

    /** The cache flushed at stream time {@code streamTime}: one change per slice, in the store's current state. */
    private void commit(String streamTime, String... changedSlices) {
        context.setCurrentStreamTimeMs(at(streamTime).toEpochMilli());
        for (String slice : changedSlices) {
            long start = at(slice).toEpochMilli();
            ValueAndTimestamp<CsatTally> tally = slices.fetch(ROUTE, start);
            publisher.process(new Record<>(new Windowed<>(ROUTE, new TimeWindow(start, start + SLICE)),
                    tally.value(), tally.timestamp()));
        }
    }

    private List<CsatWindow> published() {
        return context.forwarded().stream().<CsatWindow>map(forwarded -> forwarded.record().value()).toList();
    }

    private static Instant at(String time) {
        return Instant.parse("2026-05-04T" + (time.length() == 5 ? time + ":00" : time) + "Z");
    }
}
