package org.instantfeedback.notifier.routing;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertSeverity;
import org.instantfeedback.events.SubjectScope;

/**
 * One place alerts go, as the routes file describes it, and which alerts it wants. Alerts are
 * raised per subject and per group (their scope), so a target picks subjects by {@code subjects}
 * patterns and groups by {@code groups} patterns; a target with neither gets every alert.
 *
 * @param name        unique, also names the target's consumer group and its metrics
 * @param type        Slack message or signed JSON
 * @param url         where to POST
 * @param secret      HMAC key of {@link TargetType#WEBHOOK} targets; null for Slack
 * @param subjects    patterns of the subjects whose alerts the target wants
 * @param groups      patterns of the groups whose alerts the target wants
 * @param eventTypes  the events in an alert's life it wants (opened, escalated, resolved, ...)
 * @param minSeverity the lowest severity it wants
 */
public record Target(
        String name,
        TargetType type,
        URI url,
        String secret,
        List<Glob> subjects,
        List<Glob> groups,
        Set<FeedbackAlertEventType> eventTypes,
        FeedbackAlertSeverity minSeverity) {

    /** The events a target gets unless it lists its own: an alert's start, worsening and end. */
    public static final Set<FeedbackAlertEventType> DEFAULT_EVENT_TYPES = Set.of(
            FeedbackAlertEventType.OPENED, FeedbackAlertEventType.ESCALATED, FeedbackAlertEventType.RESOLVED);

    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(minSeverity, "minSeverity");
        subjects = List.copyOf(subjects);
        groups = List.copyOf(groups);
        eventTypes = Set.copyOf(eventTypes);
    }

    /** Whether this target wants the alert event. */
    public boolean wants(FeedbackAlert alert) {
        return eventTypes.contains(alert.getType()) && severeEnough(alert.getSeverity()) && covers(alert);
    }

    private boolean severeEnough(FeedbackAlertSeverity severity) {
        // A severity this build does not know (a newer writer's) is delivered rather than dropped.
        return severity == FeedbackAlertSeverity.UNKNOWN || severity.ordinal() >= minSeverity.ordinal();
    }

    private boolean covers(FeedbackAlert alert) {
        if (subjects.isEmpty() && groups.isEmpty()) {
            return true;
        }
        String id = alert.getSubject();
        boolean subject = subjects.stream().anyMatch(glob -> glob.matches(id));
        boolean group = groups.stream().anyMatch(glob -> glob.matches(id));
        SubjectScope scope = alert.getScope();
        if (scope == SubjectScope.SUBJECT) {
            return subject;
        }
        if (scope == SubjectScope.GROUP) {
            return group;
        }
        return subject || group;
    }

    /** Without the secret and the URL's query (where webhook URLs often carry their token). */
    @Override
    public String toString() {
        return "Target[" + name + ", " + type.fileName() + ", " + url.getScheme() + "://" + url.getAuthority()
                + ", subjects=" + subjects + ", groups=" + groups + ", events=" + eventTypes
                + ", minSeverity=" + minSeverity + "]";
    }
}
