package org.instantfeedback.alerting.lifecycle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.instantfeedback.alerting.AlertEventType;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.ConversationWaiting;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.Resolution;
import org.instantfeedback.alerting.Wording;
import org.instantfeedback.alerting.checks.AlertFigures;
import org.instantfeedback.alerting.checks.CsatDropCheck;
import org.instantfeedback.alerting.checks.NegativeSurgeCheck;
import org.instantfeedback.alerting.checks.VolumeSpikeCheck;
import org.instantfeedback.alerting.rules.AlertRules;

/**
 * Decides what happens to an alert: given the stored {@link AlertState} of one subject and kind and
 * what just happened (new window figures, an urgent report, an ops action, or only time passing),
 * it returns the new state and the events to publish. Pure and deterministic: the same state and
 * input give the same result, ids included, which is what exactly-once reprocessing needs.
 *
 * <p>Times ({@code now}) are event time as the pipeline sees it (stream time), truncated to the
 * millisecond like everything stored; ops actions carry the time they were taken.
 */
public final class AlertEvaluator {
    private final WindowAlerts windowAlerts;
    private final UrgentAlerts urgentAlerts;
    private final UnansweredAlerts unansweredAlerts;
    private final OpsActions opsActions;

    /** @param wording how reason sentences read, with clock times in its zone */
    public AlertEvaluator(Wording wording) {
        this.windowAlerts = new WindowAlerts(List.of(new NegativeSurgeCheck(wording), new CsatDropCheck(wording),
                new VolumeSpikeCheck(wording)));
        this.urgentAlerts = new UrgentAlerts(wording);
        this.unansweredAlerts = new UnansweredAlerts(wording);
        this.opsActions = new OpsActions(wording);
    }

    /**
     * Judges a windowed kind (negative surge, CSAT drop, complaint spike) on fresh figures. Call it
     * whenever the figures of the rule's window change, and periodically for open alerts with the
     * current (possibly empty) window, so a subject that went quiet still resolves.
     *
     * @param figures figures of the window {@code rules.forKind(state.kind())} judges, with baselines
     */
    public AlertEvaluation evaluate(AlertState state, AlertFigures figures, AlertRules rules, Instant now) {
        requireKind(state, true);
        Instant at = millis(now);
        if (state.isOpen() && !rules.forKind(state.kind()).enabled()) {
            return switchedOff(state, at);
        }
        return windowAlerts.evaluate(state, figures, rules, at);
    }

    /**
     * Takes one message about the state's subject: an urgent one opens or joins the subject's urgent
     * alert; anything else changes nothing. Urgent alerts are raised per subject, not per group.
     */
    public AlertEvaluation reportUrgent(AlertState state, FeedbackObservation report, AlertRules rules) {
        requireKind(state, false);
        if (!report.subject().equals(state.subject())) {
            throw new IllegalArgumentException("a report about " + report.subject() + " cannot go into the alert state"
                    + " of " + state.subject());
        }
        Instant at = millis(report.occurredAt());
        if (!rules.urgentReport().enabled()) {
            return state.isOpen() ? switchedOff(state, at) : AlertEvaluation.of(state);
        }
        return report.urgent() ? urgentAlerts.report(state, report, at) : AlertEvaluation.of(state);
    }

    /**
     * A conversation of the state's subject started or stopped waiting past the answer limit: it
     * opens, joins or (when the last waiting passenger is answered) resolves the unanswered alert.
     */
    public AlertEvaluation conversationWaiting(AlertState state, ConversationWaiting waiting, AlertRules rules) {
        if (state.kind() != AlertKind.UNANSWERED) {
            throw new IllegalArgumentException("a waiting conversation goes into an unanswered alert state, not "
                    + state.kind().id());
        }
        Instant at = millis(waiting.at());
        if (!rules.unanswered().enabled()) {
            return state.isOpen() ? switchedOff(state, at) : AlertEvaluation.of(state);
        }
        return unansweredAlerts.waiting(state, waiting, at);
    }

    /**
     * Lets time pass for an alert judged as things happen: an urgent alert resolves once acknowledged
     * and quiet for the hold-down; either kind resolves when its rule was switched off.
     */
    public AlertEvaluation review(AlertState state, AlertRules rules, Instant now) {
        requireKind(state, false);
        Instant at = millis(now);
        if (state.isOpen() && !rules.forKind(state.kind()).enabled()) {
            return switchedOff(state, at);
        }
        return state.kind() == AlertKind.URGENT_REPORT ? urgentAlerts.review(state, rules.urgentReport(), at)
                : AlertEvaluation.of(state);
    }

    /**
     * Ops acknowledge the open alert; the ACKNOWLEDGED event carries the time to acknowledge.
     *
     * @throws OpsActionRejectedException when the alert is not the open one or was already acknowledged
     */
    public AlertEvaluation acknowledge(AlertState state, OpsAction action) {
        return opsActions.acknowledge(state, action);
    }

    /**
     * Ops resolve the open alert; the RESOLVED event carries the time to resolve (and to
     * acknowledge, when it was).
     *
     * @throws OpsActionRejectedException when the alert is not the open one
     */
    public AlertEvaluation resolve(AlertState state, OpsAction action, AlertRules rules) {
        return opsActions.resolve(state, action, rules);
    }

    private static AlertEvaluation switchedOff(AlertState state, Instant at) {
        OpenAlert resolved = state.open().counted();
        String reason = "The " + state.kind().id() + " rule was switched off for " + state.subject()
                + ", so its open alert is resolved.";
        AlertState next = state.closed(null, List.of());
        return AlertEvaluation.of(next, AlertEvents.of(next, resolved, AlertEventType.RESOLVED, reason, at,
                Resolution.RULE_SWITCHED_OFF));
    }

    private static void requireKind(AlertState state, boolean windowed) {
        AlertKind kind = state.kind();
        if (kind.windowed() != windowed) {
            throw new IllegalArgumentException(kind.id() + " alerts are " + (kind.windowed()
                    ? "judged on window figures: use evaluate" : "judged as things happen: use reportUrgent, conversationWaiting and review"));
        }
    }

    private static Instant millis(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }
}
