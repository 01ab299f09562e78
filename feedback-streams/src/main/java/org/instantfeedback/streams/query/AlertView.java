package org.instantfeedback.streams.query;

import java.time.Instant;
import java.util.List;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertFigures;

/**
 * An alert as the query API shows it: where it stands after its latest event. {@code kindId} is
 * the kind as rules and the actions topic name it ({@code negative-surge}); {@code updatedAt} is
 * when the latest event happened; {@code exampleEventIds} are the event ids of {@code examples},
 * in the same order (the message ids of the passengers' SMS in their conversations).
 */
public record AlertView(
        String alertId,
        String scope,
        String subject,
        String kind,
        String kindId,
        String severity,
        AlertStatus status,
        String reason,
        Instant openedAt,
        Instant updatedAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        Instant resolvedAt,
        String resolution,
        List<String> examples,
        List<String> exampleEventIds,
        AlertFiguresView figures) {

    /** The key numbers behind the alert, as they stood at its latest event. */
    public record AlertFiguresView(long responses, long ratedResponses, Double csatPercent, Double averageRating,
                                   Double nps, long scoredTexts, long negativeTexts, Double negativeSharePercent,
                                   long urgentReports, long complaints, long distinctSenders, long complainants,
                                   Double baselineCsatPercent, Double usualComplaints) {
        static AlertFiguresView of(FeedbackAlertFigures f) {
            return new AlertFiguresView(f.getResponses(), f.getRatedResponses(), f.getCsatPercent(),
                    f.getAverageRating(), f.getNps(), f.getScoredTexts(), f.getNegativeTexts(),
                    f.getNegativeSharePercent(), f.getUrgentReports(), f.getComplaints(), f.getDistinctSenders(),
                    f.getComplainants(), f.getBaselineCsatPercent(), f.getUsualComplaints());
        }
    }

    public static AlertView of(FeedbackAlert alert) {
        return new AlertView(alert.getAlertId(), alert.getScope().name(), alert.getSubject(), alert.getKind().name(),
                AlertStatus.kindId(alert.getKind()), alert.getSeverity().name(), AlertStatus.of(alert),
                alert.getReason(), alert.getOpenedAt(), alert.getEventAt(), alert.getAcknowledgedBy(),
                alert.getAcknowledgedAt(), alert.getResolvedAt(),
                alert.getResolution() == null ? null : alert.getResolution().name(), List.copyOf(alert.getExamples()),
                List.copyOf(alert.getExampleEventIds()), AlertFiguresView.of(alert.getFigures()));
    }
}
