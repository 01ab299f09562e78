package org.instantfeedback.streams.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.instantfeedback.alerting.AlertEvent;
import org.instantfeedback.alerting.AlertWindow;
import org.instantfeedback.alerting.KeyFigures;
import org.instantfeedback.alerting.Scope;
import org.instantfeedback.alerting.metrics.ResponseCounts;
import org.instantfeedback.alerting.metrics.WindowFigures;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertFigures;
import org.instantfeedback.events.FeedbackAlertKind;
import org.instantfeedback.events.FeedbackAlertResolution;
import org.instantfeedback.events.FeedbackAlertSeverity;
import org.instantfeedback.events.FeedbackAlertWindow;
import org.instantfeedback.events.FeedbackMetrics;
import org.instantfeedback.events.SubjectScope;
import org.instantfeedback.events.TopicMention;

/** The Avro records the alerting part of the topology publishes, built from the core's plain types. */
final class AlertRecords {
    private AlertRecords() {
    }

    static FeedbackAlert alert(AlertEvent event) {
        return FeedbackAlert.newBuilder()
                .setEventId(event.eventId())
                .setAlertId(event.alertId())
                .setScope(scope(event.scope()))
                .setSubject(event.subject())
                .setKind(FeedbackAlertKind.valueOf(event.kind().name()))
                .setSeverity(FeedbackAlertSeverity.valueOf(event.severity().name()))
                .setType(FeedbackAlertEventType.valueOf(event.type().name()))
                .setReason(event.reason())
                .setWindow(window(event.window()))
                .setFigures(figures(event.figures()))
                .setExamples(event.examples())
                .setExampleEventIds(event.exampleEventIds())
                .setOpenedAt(event.openedAt())
                .setEventAt(event.eventAt())
                .setAcknowledgedAt(event.acknowledgedAt())
                .setAcknowledgedBy(event.acknowledgedBy())
                .setResolvedAt(event.resolvedAt())
                .setResolution(event.resolution() == null ? null
                        : FeedbackAlertResolution.valueOf(event.resolution().name()))
                .setActor(event.actor())
                .setNote(event.note())
                .setTimeToAcknowledgeMillis(millis(event.timeToAcknowledge()))
                .setTimeToResolveMillis(millis(event.timeToResolve()))
                .build();
    }

    /** The figures of one trailing window of a subject or group, rounded as dashboards show them. */
    static FeedbackMetrics metrics(ScopeKey key, WindowFigures figures, Instant updatedAt) {
        ResponseCounts c = figures.counts();
        return FeedbackMetrics.newBuilder()
                .setScope(scope(key.scope()))
                .setSubject(key.id())
                .setWindowSizeMillis(figures.size().toMillis())
                .setWindowStart(figures.windowStart())
                .setWindowEnd(figures.windowEnd())
                .setResponses(c.responses())
                .setRatedResponses(c.ratedResponses())
                .setCsatPercent(round(c.csatPercent(), 10))
                .setAverageRating(round(c.averageRating(), 100))
                .setNps(round(c.nps(), 10))
                .setScoredTexts(c.scoredTexts())
                .setNegativeSharePercent(round(c.negativeSharePercent(), 10))
                .setUrgentReports(c.urgentReports())
                .setComplaints(c.complaints())
                .setDistinctSenders(figures.distinctSenders())
                .setComplainants(figures.complainants())
                .setSendersApproximate(!figures.sendersExact())
                .setTopTopics(figures.topTopics().stream()
                        .map(topic -> new TopicMention(topic.topic(), topic.count())).toList())
                .setUpdatedAt(figures.latestEventAt() == null ? updatedAt : figures.latestEventAt())
                .build();
    }

    private static SubjectScope scope(Scope scope) {
        return SubjectScope.valueOf(scope.name());
    }

    static Scope scope(SubjectScope scope) {
        return Scope.valueOf(scope.name());
    }

    private static FeedbackAlertWindow window(AlertWindow window) {
        return window == null ? null
                : new FeedbackAlertWindow(window.start(), window.end(), window.size().toMillis());
    }

    private static FeedbackAlertFigures figures(KeyFigures f) {
        return new FeedbackAlertFigures(f.responses(), f.ratedResponses(), f.csatPercent(), f.averageRating(), f.nps(),
                f.scoredTexts(), f.negativeTexts(), f.negativeSharePercent(), f.urgentReports(), f.complaints(),
                f.distinctSenders(), f.complainants(), f.sendersApproximate(), f.baselineCsatPercent(),
                f.usualComplaints());
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }

    private static Double round(OptionalDouble value, int scale) {
        return value.isPresent() ? Math.round(value.getAsDouble() * scale) / (double) scale : null;
    }
}
