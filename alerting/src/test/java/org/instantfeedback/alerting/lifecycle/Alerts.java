package org.instantfeedback.alerting.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.instantfeedback.alerting.AlertEvent;
import org.instantfeedback.alerting.AlertEventType;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.ConversationWaiting;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.Scope;
import org.instantfeedback.alerting.Wording;
import org.instantfeedback.alerting.checks.AlertFigures;
import org.instantfeedback.alerting.rules.AlertRules;

/**
 * One subject's alert of one kind, driven through time as the pipeline would drive it: each step
 * feeds the stored state back in and keeps every event published.
 */
final class Alerts {
    static final AlertEvaluator EVALUATOR = new AlertEvaluator(Wording.utc());

    private AlertState state;
    private AlertRules rules = AlertRules.DEFAULT;
    private final List<AlertEvent> published = new ArrayList<>();

    private Alerts(AlertKind kind) {
        this.state = AlertState.none(Scope.SUBJECT, "route-42", kind);
    }

    static Alerts of(AlertKind kind) {
        return new Alerts(kind);
    }

    Alerts withRules(AlertRules rules) {
        this.rules = rules;
        return this;
    }

    /** Evaluates and returns the events of this step only. */
    List<AlertEvent> evaluate(AlertFigures figures, Instant now) {
        return record(EVALUATOR.evaluate(state, figures, rules, now));
    }

    List<AlertEvent> report(FeedbackObservation report) {
        return record(EVALUATOR.reportUrgent(state, report, rules));
    }

    List<AlertEvent> waiting(ConversationWaiting waiting) {
        return record(EVALUATOR.conversationWaiting(state, waiting, rules));
    }

    List<AlertEvent> review(Instant now) {
        return record(EVALUATOR.review(state, rules, now));
    }

    List<AlertEvent> acknowledge(String who, String note, Instant at) {
        return record(EVALUATOR.acknowledge(state, new OpsAction(openId(), who, note, at)));
    }

    List<AlertEvent> resolve(String who, String note, Instant at) {
        return record(EVALUATOR.resolve(state, new OpsAction(openId(), who, note, at), rules));
    }

    AlertState state() {
        return state;
    }

    AlertRules rules() {
        return rules;
    }

    List<AlertEvent> published() {
        return List.copyOf(published);
    }

    List<AlertEventType> publishedTypes() {
        return published.stream().map(AlertEvent::type).toList();
    }

    String openId() {
        return state.openAlert().map(OpenAlert::alertId).orElse("none-open");
    }

    private List<AlertEvent> record(AlertEvaluation evaluation) {
        state = evaluation.state();
        published.addAll(evaluation.events());
        return evaluation.events();
    }
}
