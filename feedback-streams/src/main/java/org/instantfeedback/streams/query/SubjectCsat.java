package org.instantfeedback.streams.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.instantfeedback.streams.csat.CsatFigures;

/**
 * The answer of {@code GET /v1/subjects/{id}/csat}: the subject's rolling figures for one window
 * ({@code current}) and their recent {@code series}, from the alerting metrics. The top-level CSAT
 * fields ({@code windowStart} ... {@code updatedAt}) are those of the hopping CSAT window covering
 * the moment asked about, as the endpoint has always answered; they are left out when nothing was
 * rated in that window.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectCsat(
        String subject,
        String window,
        @JsonInclude(JsonInclude.Include.ALWAYS) Figures current,
        List<Figures> series,
        Instant windowStart,
        Instant windowEnd,
        Long ratedResponses,
        Long satisfiedResponses,
        Long ratingSum,
        Double csatPercent,
        Double averageRating,
        Instant updatedAt) {

    static SubjectCsat of(String subject, String window, SubjectSeries series, CsatFigures csat) {
        List<Figures> points = series == null ? List.of() : series.series();
        Figures current = series == null ? null : series.current();
        if (csat == null) {
            return new SubjectCsat(subject, window, current, points, null, null, null, null, null, null, null, null);
        }
        return new SubjectCsat(subject, window, current, points, csat.windowStart(), csat.windowEnd(),
                csat.ratedResponses(), csat.satisfiedResponses(), csat.ratingSum(), csat.csatPercent(),
                csat.averageRating(), csat.updatedAt());
    }
}
