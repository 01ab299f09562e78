package org.instantfeedback.alerting.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.instantfeedback.alerting.AlertWindow;
import org.instantfeedback.alerting.KeyFigures;
import org.instantfeedback.alerting.Severity;

/**
 * The alert currently open for one subject and kind.
 *
 * @param alertId        stable id, see {@link AlertIds}
 * @param severity       the highest severity reached; it does not step back down while open
 * @param openedAt       when it opened
 * @param escalatedAt    when it last rose in severity; null if it never did
 * @param lastBreachAt   when the figures last breached the rule (for urgent reports: the last report)
 * @param healthySince   since when the figures have been healthy without a break; null while they are not
 * @param acknowledgedAt when ops acknowledged it; null until they do
 * @param acknowledgedBy who acknowledged it
 * @param eventCount     events raised for this alert so far (numbers its event ids)
 * @param window         the window of the latest figures; null for urgent reports
 * @param figures        the latest key figures
 * @param examples       up to three example texts, newest first
 * @param exampleEventIds the event ids of {@code examples}, in the same order; fewer only when older
 *                       examples have none (see {@link AlertExamples})
 * @param reporters      hashes of the people who sent urgent reports into this alert (urgent reports only)
 */
public record OpenAlert(String alertId, Severity severity, Instant openedAt, Instant escalatedAt, Instant lastBreachAt,
                        Instant healthySince, Instant acknowledgedAt, String acknowledgedBy, int eventCount,
                        AlertWindow window, KeyFigures figures, List<String> examples, List<String> exampleEventIds,
                        List<Long> reporters) {
    public OpenAlert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(lastBreachAt, "lastBreachAt");
        Objects.requireNonNull(figures, "figures");
        AlertExamples checked = new AlertExamples(examples, exampleEventIds);
        examples = checked.texts();
        exampleEventIds = checked.eventIds();
        reporters = List.copyOf(reporters);
    }

    /** A new alert's first state: not escalated, healthy or acknowledged, one event raised. */
    static OpenAlert opened(String alertId, Severity severity, Instant at, AlertWindow window, KeyFigures figures,
                            AlertExamples examples, List<Long> reporters) {
        return new OpenAlert(alertId, severity, at, null, at, null, null, null, 1, window, figures, examples.texts(),
                examples.eventIds(), reporters);
    }

    /** The examples with their event ids. */
    AlertExamples examplesWithIds() {
        return new AlertExamples(examples, exampleEventIds);
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    /** The same alert with one more event raised. */
    OpenAlert counted() {
        return new OpenAlert(alertId, severity, openedAt, escalatedAt, lastBreachAt, healthySince, acknowledgedAt,
                acknowledgedBy, eventCount + 1, window, figures, examples, exampleEventIds, reporters);
    }

    /** The figures breach the rule again: no longer healthy, and the severity may rise. */
    OpenAlert breached(Severity now, Instant at, AlertWindow latestWindow, KeyFigures latest,
                       AlertExamples latestExamples) {
        boolean rises = now.isAbove(severity);
        AlertExamples kept = keep(latestExamples);
        return new OpenAlert(alertId, rises ? now : severity, openedAt, rises ? at : escalatedAt, at, null,
                acknowledgedAt, acknowledgedBy, eventCount, latestWindow, latest, kept.texts(), kept.eventIds(),
                reporters);
    }

    /** The figures were judged healthy (the hold-down clock runs) or in the band (it restarts). */
    OpenAlert judged(boolean healthy, Instant at, AlertWindow latestWindow, KeyFigures latest,
                     AlertExamples latestExamples) {
        Instant since = healthy ? (healthySince == null ? at : healthySince) : null;
        AlertExamples kept = keep(latestExamples);
        return new OpenAlert(alertId, severity, openedAt, escalatedAt, lastBreachAt, since, acknowledgedAt,
                acknowledgedBy, eventCount, latestWindow, latest, kept.texts(), kept.eventIds(), reporters);
    }

    OpenAlert acknowledged(String by, Instant at) {
        return new OpenAlert(alertId, severity, openedAt, escalatedAt, lastBreachAt, healthySince, at, by, eventCount,
                window, figures, examples, exampleEventIds, reporters);
    }

    /** One more urgent report came in. */
    OpenAlert reported(Instant at, List<Long> latestReporters, KeyFigures latest, AlertExamples latestExamples) {
        Instant last = at.isAfter(lastBreachAt) ? at : lastBreachAt;
        return new OpenAlert(alertId, severity, openedAt, escalatedAt, last, healthySince, acknowledgedAt,
                acknowledgedBy, eventCount, window, latest, latestExamples.texts(), latestExamples.eventIds(),
                latestReporters);
    }

    // Examples show what people complained about; an empty window should not wipe them.
    private AlertExamples keep(AlertExamples latestExamples) {
        return latestExamples.isEmpty() ? examplesWithIds() : latestExamples;
    }
}
