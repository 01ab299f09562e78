package org.instantfeedback.faults;

import java.time.Instant;

/** One CSAT window of one subject, as keyed on feedback.csat.v1 (subject) plus its start. */
record WindowKey(String subject, Instant windowStart) implements Comparable<WindowKey> {
    @Override
    public int compareTo(WindowKey other) {
        int bySubject = subject.compareTo(other.subject);
        return bySubject != 0 ? bySubject : windowStart.compareTo(other.windowStart);
    }
}
