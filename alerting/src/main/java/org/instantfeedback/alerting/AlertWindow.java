package org.instantfeedback.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The time window an alert's figures were counted in: from {@code start} (inclusive) to {@code end} (exclusive). */
public record AlertWindow(Instant start, Instant end) {
    public AlertWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a window cannot end (" + end + ") before it starts (" + start + ")");
        }
    }

    public Duration size() {
        return Duration.between(start, end);
    }
}
