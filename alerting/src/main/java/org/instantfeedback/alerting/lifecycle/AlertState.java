package org.instantfeedback.alerting.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.Scope;

/**
 * What the pipeline remembers per subject (or group) and alert kind between evaluations: the open
 * alert, if any, and what it needs to number the next alert and to avoid re-opening one that ops
 * just resolved.
 *
 * @param scope          whether {@code subject} is a subject or a group
 * @param subject        the subject or group
 * @param kind           the alert kind
 * @param alertsOpened   how many alerts of this kind have opened for the subject; numbers the next one's id
 * @param open           the open alert; null when none is open
 * @param rearmAt        after ops resolved an alert: no new alert opens before this time (see
 *                       {@link AlertEvaluator#resolve}); null otherwise
 * @param mutedReporters after ops resolved an urgent alert: the people whose reports do not re-open
 *                       it before {@code rearmAt}
 */
public record AlertState(Scope scope, String subject, AlertKind kind, long alertsOpened, OpenAlert open,
                         Instant rearmAt, List<Long> mutedReporters) {
    public AlertState {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        if (alertsOpened < 0) {
            throw new IllegalArgumentException("alertsOpened cannot be negative: " + alertsOpened);
        }
        mutedReporters = List.copyOf(mutedReporters);
    }

    /** No alert ever opened. */
    public static AlertState none(Scope scope, String subject, AlertKind kind) {
        return new AlertState(scope, subject, kind, 0, null, null, List.of());
    }

    public boolean isOpen() {
        return open != null;
    }

    public Optional<OpenAlert> openAlert() {
        return Optional.ofNullable(open);
    }

    AlertState withOpen(OpenAlert alert) {
        return new AlertState(scope, subject, kind, alertsOpened, alert, rearmAt, mutedReporters);
    }

    AlertState opened(OpenAlert alert) {
        return new AlertState(scope, subject, kind, alertsOpened + 1, alert, null, List.of());
    }

    AlertState closed(Instant rearm, List<Long> muted) {
        return new AlertState(scope, subject, kind, alertsOpened, null, rearm, muted);
    }

    /** True while a new alert must not open yet because ops resolved the previous one moments ago. */
    boolean rearming(Instant at) {
        return rearmAt != null && at.isBefore(rearmAt);
    }
}
