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
 * starts, feedback arriving up to {@code grace} after a window ended still counts in it, and the
 * store keeps each window for {@code retention} after it started, so the query API can look that
 * far back. The one place that knows the window arithmetic, so the topology, the late-record log
 * and the query API agree on which windows exist. {@link #from} reads them from the
 * {@code CSAT_*} variables in {@link #SETTINGS}.
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

    /** The windows as Kafka Streams defines them. */
    public TimeWindows timeWindows() {
        return TimeWindows.ofSizeAndGrace(size, grace).advanceBy(advance);
    }

    /**
     * Start of the window that covers the full trailing {@code size} up to {@code at}: of the
     * windows containing {@code at}, the one that started earliest.
     */
    public Instant currentWindowStart(Instant at) {
        if (at.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("windows start at the epoch; no window covers " + at);
        }
        long earliest = Collections.min(timeWindows().windowsFor(at.toEpochMilli()).keySet());
        return Instant.ofEpochMilli(earliest);
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
}
