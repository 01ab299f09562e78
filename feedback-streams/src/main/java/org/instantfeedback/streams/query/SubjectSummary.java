package org.instantfeedback.streams.query;

import java.util.List;

/**
 * One subject or group in the list of all of them: its latest figures per window, shortest window
 * first, and how many of its alerts are open or acknowledged.
 */
public record SubjectSummary(String subject, String scope, List<Figures> windows, int openAlerts) {
}
