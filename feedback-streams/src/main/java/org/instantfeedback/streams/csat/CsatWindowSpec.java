package org.instantfeedback.streams.csat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.internals.TimeWindow;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParsers;

/**
 * The hopping windows CSAT is computed over: every {@code advance} a window of {@code size}
 * starts (at multiples of the advance since the epoch), feedback arriving up to {@code grace}
 * after a window ended still counts in it, and the store keeps each window for {@code retention}
 * after it started, so the query API can look that far back. The one place that knows the window
 * arithmetic, so the topology, the late-record log and the query API agree on which windows exist.
 * {@link #from} reads them from the {@code CSAT_*} variables in {@link #SETTINGS}.
 *
 * <p>Every window is also a run of whole <em>slices</em>: tumbling windows of {@link #slice()},
 * the greatest common divisor of size and advance, so both window starts and window ends fall on
 * slice boundaries. A rating is counted once, in its slice, and a window's figures are the sum of
 * its {@code size / slice} slices ({@link #firstSliceOf}, {@link #lastSliceOf}).
 */
public record CsatWindowSpec(Duration size, Duration advance, Duration grace, Duration retention) {
    public static final CsatWindowSpec DEFAULT = new CsatWindowSpec(
            Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofHours(1));

    private static final Setting<Duration> SIZE = Setting.duration("CSAT_WINDOW_SIZE", "PT15M",
            "Length of a CSAT window, ISO-8601 duration.");
    private static final Setting<Duration> ADVANCE = Setting.duration("CSAT_WINDOW_ADVANCE", "PT1M",
            "How often a new CSAT window starts, ISO-8601; at most the size.");
    private static final Setting<Duration> GRACE = Setting.of("CSAT_WINDOW_GRACE", "PT2M",
            ValueParsers.durationBetween(Duration.ZERO, null),
            "How late (event time) feedback may arrive after its window ended and still count, ISO-8601.");
    private static final Setting<Duration> RETENTION = Setting.duration("CSAT_STORE_RETENTION", "PT1H",
            "How long windows stay queryable (?at= can look this far back), ISO-8601; at least size plus grace.");

    /** The variables the windows are read from. */
    public static final List<Setting<?>> SETTINGS = List.of(SIZE, ADVANCE, GRACE, RETENTION);

    public CsatWindowSpec {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(advance, "advance");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(retention, "retention");
        if (size.toMillis() <= 0) {
            throw new IllegalArgumentException("the window size must be at least one millisecond, was " + size);
        }
        if (advance.toMillis() <= 0 || advance.compareTo(size) > 0) {
            throw new IllegalArgumentException("the window advance must be positive and at most the window size ("
                    + size + "), was " + advance);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the grace period must not be negative, was " + grace);
        }
        if (retention.compareTo(size.plus(grace)) < 0) {
            throw new IllegalArgumentException("the retention must cover at least the window size plus the grace"
                    + " period (" + size.plus(grace) + "), was " + retention);
        }
    }

    /** The windows the environment asks for; fails naming the variable that is malformed or out of step. */
    public static CsatWindowSpec from(Map<String, String> env) {
        Duration size = SIZE.from(env);
        Duration advance = ADVANCE.from(env);
        Duration grace = GRACE.from(env);
        Duration retention = RETENTION.from(env);
        if (advance.compareTo(size) > 0) {
            throw new IllegalArgumentException(ADVANCE + " must be positive and at most " + SIZE + " (" + size
                    + "), was " + advance);
        }
        if (retention.compareTo(size.plus(grace)) < 0) {
            throw new IllegalArgumentException(RETENTION + " must be at least " + SIZE + " plus " + GRACE + " ("
                    + size.plus(grace) + "), was " + retention);
        }
        return new CsatWindowSpec(size, advance, grace, retention);
    }

    /** Windows kept only as long as they can still change. */
    public CsatWindowSpec(Duration size, Duration advance, Duration grace) {
        this(size, advance, grace, size.plus(grace));
    }

    /** The hopping windows as Kafka Streams defines them (the feedback.csat.v1 path). */
    public TimeWindows timeWindows() {
        return TimeWindows.ofSizeAndGrace(size, grace).advanceBy(advance);
    }

    /**
     * Start of the window that covers the full trailing {@code size} up to {@code at}: of the
     * windows containing {@code at}, the one that started earliest (and so ends earliest).
     */
    public Instant currentWindowStart(Instant at) {
        if (at.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("windows start at the epoch; no window covers " + at);
        }
        return Instant.ofEpochMilli(currentWindowStart(at.toEpochMilli()));
    }

    /** As {@link #currentWindowStart(Instant)}, in epoch millis (not before the epoch). */
    public long currentWindowStart(long at) {
        return Collections.min(timeWindows().windowsFor(at).keySet());
    }

    /**
     * Length of a slice: the greatest common divisor of size and advance, the longest span every
     * window start and end falls on the boundary of (1 minute for 15-minute windows every minute).
     */
    public Duration slice() {
        return Duration.ofMillis(gcd(size.toMillis(), advance.toMillis()));
    }

    /**
     * How late a rating may arrive after its slice ended and still count: exactly as long as at
     * least one hopping window containing it is still open. The latest-ending window containing a
     * rating at {@code t} starts at {@code t} rounded down to the advance, so it closes at that start
     * plus size plus grace. For the first slice of an advance that is {@code size - slice + grace}
     * after the slice ends; for a later slice of the same advance it is less, by up to
     * {@code advance - slice}. One grace for all slices must be the longest of these, {@code size -
     * slice + grace}, so that no rating a hopping window would count is dropped; the few ratings it
     * would let in although every window containing them has closed (only when the advance is not
     * a divisor of the size) are placed by {@link #placementForTooLate} into a slice already closed.
     */
    public Duration sliceGrace() {
        return size.minus(slice()).plus(grace);
    }

    /** The slices as Kafka Streams defines them: tumbling windows of {@link #slice()} with {@link #sliceGrace()}. */
    public TimeWindows sliceWindows() {
        return TimeWindows.ofSizeAndGrace(slice(), sliceGrace());
    }

    /** Start of the slice containing {@code time} (epoch millis, not before the epoch). */
    public long sliceStartOf(long time) {
        long slice = slice().toMillis();
        return time - Math.floorMod(time, slice);
    }

    /** Start of the first slice of the window starting at {@code windowStart}: the window start itself. */
    public long firstSliceOf(long windowStart) {
        return windowStart;
    }

    /** Start of the last slice of the window starting at {@code windowStart}. */
    public long lastSliceOf(long windowStart) {
        return windowStart + size.toMillis() - slice().toMillis();
    }

    /** Whether the slice starting at {@code sliceStart} is part of the window starting at {@code windowStart}. */
    public boolean windowHoldsSlice(long windowStart, long sliceStart) {
        return sliceStart >= firstSliceOf(windowStart) && sliceStart <= lastSliceOf(windowStart);
    }

    /**
     * Whether every hopping window containing {@code eventTime} has closed once stream time has
     * reached {@code streamTime}, so the rating counts nowhere: its latest-ending window ended at
     * least the grace period ago.
     */
    public boolean tooLateForEveryWindow(long eventTime, long streamTime) {
        long latestWindowStart = eventTime - Math.floorMod(eventTime, advance.toMillis());
        return latestWindowStart + size.toMillis() <= streamTime - grace.toMillis();
    }

    /**
     * Where the slice aggregation should place a rating at {@code eventTime} arriving at stream
     * time {@code streamTime}: its own time, unless it is {@link #tooLateForEveryWindow too late for
     * every window}; then the start of its advance, whose slice closes exactly when that latest
     * window does, so Kafka Streams drops the rating and counts it in {@code dropped-records}, as the
     * hopping windows did. (When the advance is the slice, both times lie in the same slice.)
     */
    public long placementForTooLate(long eventTime, long streamTime) {
        if (!tooLateForEveryWindow(eventTime, streamTime)) {
            return eventTime;
        }
        return eventTime - Math.floorMod(eventTime, advance.toMillis());
    }

    /** End (exclusive) of the window starting at {@code windowStart}. */
    public Instant windowEnd(Instant windowStart) {
        return windowStart.plus(size);
    }

    /**
     * How many of the windows containing {@code eventTime} are already closed once stream time has
     * reached {@code streamTime}; Kafka Streams drops a record from exactly these windows.
     */
    public int closedWindowsFor(long eventTime, long streamTime) {
        long closeTime = streamTime - grace.toMillis();
        int closed = 0;
        for (TimeWindow window : timeWindows().windowsFor(eventTime).values()) {
            if (window.end() <= closeTime) {
                closed++;
            }
        }
        return closed;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
