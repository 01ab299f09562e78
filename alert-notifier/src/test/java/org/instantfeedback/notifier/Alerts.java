package org.instantfeedback.notifier;

import java.time.Instant;
import java.util.List;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertFigures;
import org.instantfeedback.events.FeedbackAlertKind;
import org.instantfeedback.events.FeedbackAlertSeverity;
import org.instantfeedback.events.FeedbackAlertWindow;
import org.instantfeedback.events.SubjectScope;

/** Alert events as feedback-streams writes them, for tests. */
final class Alerts {
    static final Instant OPENED_AT = Instant.parse("2026-11-22T08:15:00Z");

    private Alerts() {
    }

    /** Event number {@code n} of the alert {@code alertId} about a subject. */
    static FeedbackAlert event(String alertId, int n, String subject, FeedbackAlertEventType type,
                               FeedbackAlertSeverity severity) {
        return event(alertId, n, SubjectScope.SUBJECT, subject, type, severity);
    }

    static FeedbackAlert event(String alertId, int n, SubjectScope scope, String subject, FeedbackAlertEventType type,
                               FeedbackAlertSeverity severity) {
        return FeedbackAlert.newBuilder()
                .setEventId(alertId + "#" + n)
                .setAlertId(alertId)
                .setScope(scope)
                .setSubject(subject)
                .setKind(FeedbackAlertKind.NEGATIVE_SURGE)
                .setSeverity(severity)
                .setType(type)
                .setReason("Negative share on " + subject + " reached 48 % (10 of 21 texts; 9 people complaining)"
                        + " in the 15 minutes to 08:15, above the 40 % threshold.")
                .setWindow(FeedbackAlertWindow.newBuilder().setStart(OPENED_AT.minusSeconds(900)).setEnd(OPENED_AT)
                        .setSizeMillis(900_000).build())
                .setFigures(FeedbackAlertFigures.newBuilder().setResponses(21).setRatedResponses(12)
                        .setCsatPercent(41.7).setScoredTexts(21).setNegativeTexts(10).setNegativeSharePercent(47.6)
                        .setUrgentReports(0).setComplaints(11).setDistinctSenders(15).setComplainants(9).build())
                .setExamples(List.of("driver <rude> & late again"))
                .setOpenedAt(OPENED_AT)
                .setEventAt(OPENED_AT.plusSeconds(60L * n))
                .build();
    }

    /** The events of one alert's life: opened, escalated, resolved. */
    static List<FeedbackAlert> lifeOf(String alertId, String subject) {
        return List.of(
                event(alertId, 1, subject, FeedbackAlertEventType.OPENED, FeedbackAlertSeverity.WARNING),
                event(alertId, 2, subject, FeedbackAlertEventType.ESCALATED, FeedbackAlertSeverity.CRITICAL),
                event(alertId, 3, subject, FeedbackAlertEventType.RESOLVED, FeedbackAlertSeverity.CRITICAL));
    }
}
