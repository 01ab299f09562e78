package org.instantfeedback.streams.query;

import java.util.List;

/**
 * The latest figures of one key (subject and window) as of a moment, and the series before them,
 * oldest first, one point per minute that had feedback.
 */
public record SubjectSeries(Figures current, List<Figures> series) {
}
