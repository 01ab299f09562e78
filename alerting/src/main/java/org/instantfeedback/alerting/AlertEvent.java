package org.instantfeedback.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened to an alert, with everything the {@code FeedbackAlert} record on the
 * alert topic carries. Events of one alert share its {@code alertId}; {@code eventId} is unique per
 * event and the same when the same input is processed again, so consumers can deduplicate.
 *
 * @param eventId           {@code <alertId>#<n>}, n counting this alert's events from 1
 * @param alertId           stable id of the alert, derived from scope, subject, kind, its sequence number and openedAt
 * @param scope             whether {@code subject} is a subject or a group
 * @param subject           the route, branch or group the alert is about
 * @param kind              what the alert is about
 * @param severity          the alert's severity after this event
 * @param type              what happened
 * @param reason            one sentence in plain words with the figures
 * @param window            the window the figures were counted in; null for urgent reports
 * @param figures           the key numbers as they stood
 * @param examples          up to three recent example texts (masked upstream), newest first
 * @param exampleEventIds   the event ids of {@code examples}, in the same order (a passenger's SMS is also
 *                          a message of their conversation); fewer only for examples kept before ids were
 * @param openedAt          when the alert opened
 * @param eventAt           when this event happened
 * @param acknowledgedAt    when ops acknowledged the alert, if they did
 * @param acknowledgedBy    who acknowledged it
 * @param resolvedAt        when the alert was resolved (RESOLVED events only)
 * @param resolution        how it was resolved (RESOLVED events only)
 * @param actor             who acted, for ops actions
 * @param note              the note ops left with their action
 * @param timeToAcknowledge from opening to acknowledgement (ACKNOWLEDGED events, and RESOLVED events of acknowledged alerts)
 * @param timeToResolve     from opening to resolution (RESOLVED events)
 */
public record AlertEvent(String eventId, String alertId, Scope scope, String subject, AlertKind kind, Severity severity,
                         AlertEventType type, String reason, AlertWindow window, KeyFigures figures,
                         List<String> examples, List<String> exampleEventIds, Instant openedAt, Instant eventAt, Instant acknowledgedAt,
                         String acknowledgedBy, Instant resolvedAt, Resolution resolution, String actor, String note,
                         Duration timeToAcknowledge, Duration timeToResolve) {
    public AlertEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(eventAt, "eventAt");
        examples = examples == null ? List.of() : List.copyOf(examples);
        exampleEventIds = exampleEventIds == null ? List.of() : List.copyOf(exampleEventIds);
        if (exampleEventIds.size() > examples.size()) {
            throw new IllegalArgumentException(exampleEventIds.size() + " event ids for " + examples.size()
                    + " examples");
        }
    }
}
