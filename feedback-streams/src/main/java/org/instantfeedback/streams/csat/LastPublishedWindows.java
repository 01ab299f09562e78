package org.instantfeedback.streams.csat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.instantfeedback.events.CsatWindow;
import org.instantfeedback.streams.state.RecentlyUsed;

/**
 * The last window published on feedback.csat.v2 per subject, for the subjects seen most recently:
 * a bounded in-memory map (least recently used out first). It is not state: after a restart, or
 * for a subject pushed out, the next change publishes the subject's window again, at most once
 * more than needed.
 */
final class LastPublishedWindows {
    static final int DEFAULT_CAPACITY = 10_000;

    private final Map<String, CsatWindow> bySubject;

    LastPublishedWindows(int capacity) {
        bySubject = RecentlyUsed.map(capacity);
    }

    /** The start of the last window published for the subject, if remembered. */
    Optional<Instant> lastStart(String subject) {
        return Optional.ofNullable(bySubject.get(subject)).map(CsatWindow::getWindowStart);
    }

    /**
     * Whether {@code window} should be published for its subject: not when it equals the last one
     * published (a second change in the same commit) nor when it starts before it (v2 never goes
     * back in time). Remembers it when it should.
     */
    boolean publishes(CsatWindow window) {
        CsatWindow last = bySubject.get(window.getSubject());
        if (last != null && (last.equals(window) || window.getWindowStart().isBefore(last.getWindowStart()))) {
            return false;
        }
        bySubject.put(window.getSubject(), window);
        return true;
    }
}
