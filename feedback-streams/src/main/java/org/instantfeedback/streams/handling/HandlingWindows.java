package org.instantfeedback.streams.handling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Rolling windows summed from the minute slices of {@link HandlingTopology#SLICE_STORE}: the one
 * place that says which slices a window ending at a moment holds, for the topology and the query
 * API alike.
 */
public final class HandlingWindows {
    /** Facts are counted per minute; a window moves by minutes. */
    public static final Duration SLICE = Duration.ofMinutes(1);
    /** Points in a series: the window itself and the windows before it, end to end. */
    public static final int SERIES_POINTS = 12;

    private HandlingWindows() {
    }

    /** The window of this length ending at {@code end}: the slices starting after {@code end - window} and not after it. */
    public static HandlingFigures sum(ReadOnlyWindowStore<String, HandlingSlice> slices, String key, Duration window,
                                      Instant end) {
        HandlingSlice sum = new HandlingSlice();
        try (WindowStoreIterator<HandlingSlice> inWindow = slices.fetch(key, end.minus(window).plusMillis(1), end)) {
            inWindow.forEachRemaining(slice -> sum.addAll(slice.value));
        }
        return HandlingFigures.of(sum, window, end);
    }

    /** The window ending at {@code end} and the {@value #SERIES_POINTS} - 1 windows before it, oldest first. */
    public static List<HandlingFigures> series(ReadOnlyWindowStore<String, HandlingSlice> slices, String key,
                                               Duration window, Instant end) {
        List<HandlingFigures> series = new ArrayList<>(SERIES_POINTS);
        for (int back = SERIES_POINTS - 1; back >= 0; back--) {
            series.add(sum(slices, key, window, end.minus(window.multipliedBy(back))));
        }
        return series;
    }

    /** How long slices are kept: long enough for the series of the longest window. */
    static Duration retention(Duration longestWindow) {
        return longestWindow.multipliedBy(SERIES_POINTS).plus(SLICE);
    }
}
