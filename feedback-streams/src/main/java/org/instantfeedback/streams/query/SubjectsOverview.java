package org.instantfeedback.streams.query;

import java.time.Instant;
import java.util.List;

/** The answer of {@code GET /v1/subjects}: every subject and group, by scope and name. */
public record SubjectsOverview(Instant asOf, List<SubjectSummary> subjects) {
}
