package org.instantfeedback.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;

/**
 * CSAT computed from the input alone, by docs/csat-and-nps.md states, without any code of the
 * pipeline: each eventId counts once; stars count as given, smileys 1-4 as 1, 2, 4, 5, thumbs as 1
 * or 5, NPS and text-only feedback not at all; a rating of 4 or 5 is satisfied; a rating counts in
 * every hopping window (epoch-aligned starts every {@code advance}, {@code size} long) that
 * contains its occurredAt. Inputs must arrive within the grace period, as the tests send them.
 */
final class ExpectedCsat {
    private final Duration size;
    private final Duration advance;
    private final Set<String> seen = new HashSet<>();
    private final Map<WindowKey, CsatCounts> windows = new TreeMap<>();

    ExpectedCsat(Duration size, Duration advance) {
        this.size = size;
        this.advance = advance;
    }

    void add(FeedbackReceived event) {
        if (!seen.add(event.getEventId())) {
            return;
        }
        OptionalInt fivePoint = fivePoint(event.getRating());
        if (fivePoint.isEmpty()) {
            return;
        }
        long t = event.getOccurredAt().toEpochMilli();
        long step = advance.toMillis();
        long lastStart = t - Math.floorMod(t, step);
        for (long start = lastStart; start > t - size.toMillis(); start -= step) {
            windows.merge(new WindowKey(event.getSubject(), Instant.ofEpochMilli(start)),
                    CsatCounts.NONE.plusRating(fivePoint.getAsInt()),
                    (a, b) -> new CsatCounts(a.rated() + b.rated(), a.satisfied() + b.satisfied(),
                            a.ratingSum() + b.ratingSum()));
        }
    }

    Map<WindowKey, CsatCounts> windows() {
        return windows;
    }

    long distinctEvents() {
        return seen.size();
    }

    private static OptionalInt fivePoint(Rating rating) {
        if (rating == null) {
            return OptionalInt.empty();
        }
        int value = rating.getValue();
        return switch (rating.getScale()) {
            case STARS_5 -> value >= 1 && value <= 5 ? OptionalInt.of(value) : OptionalInt.empty();
            case SMILEY_4 -> value >= 1 && value <= 4 ? OptionalInt.of(value <= 2 ? value : value + 1) : OptionalInt.empty();
            case THUMBS -> value == 0 ? OptionalInt.of(1) : value == 1 ? OptionalInt.of(5) : OptionalInt.empty();
            default -> OptionalInt.empty();
        };
    }
}
