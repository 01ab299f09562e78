package org.instantfeedback.alerting.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.instantfeedback.alerting.AlertEventType;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.KeyFigures;
import org.instantfeedback.alerting.Resolution;
import org.instantfeedback.alerting.Severity;
import org.instantfeedback.alerting.Wording;
import org.instantfeedback.alerting.metrics.ExampleText;
import org.instantfeedback.alerting.metrics.SenderHash;
import org.instantfeedback.alerting.rules.UrgentReportRule;

/**
 * The lifecycle of urgent-report alerts. One urgent message opens a critical alert at once, with
 * no distinct-sender minimum: one passenger reporting an assault must reach ops now. Further
 * reports join the open alert instead of opening more: a report from someone new raises an
 * UPDATED event with their text, while repeats from people already counted (one sender, or a bot,
 * sending the same alarm again and again) change nothing anyone is paged for. Anonymous reports
 * count as one reporter between them, so they cannot pose as many.
 *
 * <p>The alert resolves itself only once acknowledged and quiet for the rule's hold-down after the
 * last report; after ops resolve it, reports from the same people do not re-open it within the
 * hold-down, while a report from anyone else does.
 */
final class UrgentAlerts {
    /** Enough to tell "several people" from "one person"; later reporters still count in the figures. */
    private static final int MAX_REPORTERS = 20;
    private static final long ANONYMOUS = 0L;

    private final Wording wording;

    UrgentAlerts(Wording wording) {
        this.wording = wording;
    }

    AlertEvaluation report(AlertState state, FeedbackObservation report, Instant at) {
        long reporter = report.senderPseudonym() == null ? ANONYMOUS : SenderHash.of(report.senderPseudonym());
        if (!state.isOpen()) {
            boolean muted = state.rearming(at) && state.mutedReporters().contains(reporter);
            return muted ? AlertEvaluation.of(state) : open(state, report, reporter, at);
        }
        OpenAlert alert = state.open();
        boolean newReporter = !alert.reporters().contains(reporter) && alert.reporters().size() < MAX_REPORTERS;
        List<Long> reporters = new ArrayList<>(alert.reporters());
        AlertExamples examples = alert.examplesWithIds();
        if (newReporter) {
            reporters.add(reporter);
            examples = withExample(examples, report);
        }
        KeyFigures figures = KeyFigures.ofUrgentReports(alert.figures().urgentReports() + 1, reporters.size());
        OpenAlert after = alert.reported(at, reporters, figures, examples);
        if (!newReporter) {
            return AlertEvaluation.of(state.withOpen(after));
        }
        OpenAlert updated = after.counted();
        AlertState next = state.withOpen(updated);
        String reason = "Another person sent an urgent report about " + state.subject() + " at " + wording.clock(at)
                + "; " + Wording.people(reporters.size(), true) + " have reported since "
                + wording.clock(alert.openedAt()) + ".";
        return AlertEvaluation.of(next, AlertEvents.of(next, updated, AlertEventType.UPDATED, reason, at, null));
    }

    AlertEvaluation review(AlertState state, UrgentReportRule rule, Instant now) {
        OpenAlert alert = state.open();
        if (alert == null || !alert.isAcknowledged()
                || Duration.between(alert.lastBreachAt(), now).compareTo(rule.holdDown()) < 0) {
            return AlertEvaluation.of(state);
        }
        OpenAlert resolved = alert.counted();
        String reason = "The urgent report alert on " + state.subject() + " is closed: " + alert.acknowledgedBy()
                + " acknowledged it at " + wording.clock(alert.acknowledgedAt()) + " and no new urgent report came in"
                + " for " + Wording.duration(rule.holdDown()) + " after the last at "
                + wording.clock(alert.lastBreachAt()) + ".";
        AlertState next = state.closed(null, List.of());
        return AlertEvaluation.of(next,
                AlertEvents.of(next, resolved, AlertEventType.RESOLVED, reason, now, Resolution.AUTOMATIC));
    }

    private AlertEvaluation open(AlertState state, FeedbackObservation report, long reporter, Instant at) {
        long sequence = state.alertsOpened() + 1;
        String id = AlertIds.of(state.scope(), state.subject(), state.kind(), sequence, at);
        OpenAlert alert = OpenAlert.opened(id, Severity.CRITICAL, at, null, KeyFigures.ofUrgentReports(1, 1),
                withExample(AlertExamples.NONE, report), List.of(reporter));
        AlertState next = state.opened(alert);
        String topics = report.topics().isEmpty() ? "" : " (topics: " + String.join(", ", report.topics()) + ")";
        String reason = "An urgent report about " + state.subject() + " came in at " + wording.clock(at) + topics
                + "; it is raised at once, without waiting for more reports.";
        return AlertEvaluation.of(next, AlertEvents.of(next, alert, AlertEventType.OPENED, reason, at, null));
    }

    /** The report's text, with its event id: the passenger's SMS in their conversation. */
    private static AlertExamples withExample(AlertExamples examples, FeedbackObservation report) {
        if (!report.hasText()) {
            return examples;
        }
        return examples.withNewest(
                ExampleText.of(report.eventId(), report.occurredAt(), report.text(), report.reading()).text(),
                report.eventId());
    }
}
