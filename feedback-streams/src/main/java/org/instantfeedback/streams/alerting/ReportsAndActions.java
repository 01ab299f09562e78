package org.instantfeedback.streams.alerting;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.instantfeedback.alerting.AlertEvent;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.Scope;
import org.instantfeedback.alerting.baseline.BaselineLearner;
import org.instantfeedback.alerting.lifecycle.AlertEvaluator;
import org.instantfeedback.alerting.lifecycle.AlertState;
import org.instantfeedback.alerting.lifecycle.OpsActionRejectedException;
import org.instantfeedback.alerting.rules.AlertRules;
import org.instantfeedback.config.Topics;
import org.instantfeedback.deadletter.DeadLetterHeaders;

/**
 * What alerting does for each input of a subject or group as it comes: counts feedback into the
 * baselines ({@value AlertingTopology#BASELINE_STORE}), takes urgent reports and conversations
 * waiting too long for an answer (subjects only) and applies ops actions to the alert they name. The windows are judged once per commit instead, by
 * {@link JudgeWindows}, from the slices the same feedback goes into.
 *
 * <p>Keeps the key (the subject or group), so the slice aggregation after it needs no
 * repartition; what it publishes says its own key ({@link AlertingOutput#key()}).
 */
final class ReportsAndActions implements FixedKeyProcessor<String, AlertingInput, AlertingOutput> {
    private final AlertingOptions options;
    private final AlertEvaluator evaluator;
    private final OpsActionHandler opsActions;
    private FixedKeyProcessorContext<String, AlertingOutput> context;
    private AlertRulesSource rules;
    private Baselines baselines;
    private AlertStates states;

    ReportsAndActions(AlertingOptions options) {
        this.options = options;
        this.evaluator = new AlertEvaluator(options.wording());
        this.opsActions = new OpsActionHandler(evaluator);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, AlertingOutput> context) {
        this.context = context;
        baselines = new Baselines(context.getStateStore(AlertingTopology.BASELINE_STORE),
                new BaselineLearner(options.baselines()));
        states = new AlertStates(context.getStateStore(AlertingTopology.ALERT_STATE_STORE));
        rules = new AcceptedRules(options, context.getStateStore(AlertingTopology.ACCEPTED_RULES_STORE));
    }

    @Override
    public void process(FixedKeyRecord<String, AlertingInput> record) {
        if (record.value() == null) {
            return;
        }
        ScopeKey key = ScopeKey.parse(record.key());
        if (record.value().observation() != null) {
            observe(record, key, record.value().observation());
        } else if (record.value().action() != null) {
            act(record, key, record.value().action());
        } else if (record.value().waiting() != null && key.scope() == Scope.SUBJECT) {
            AlertState state = states.state(key, AlertKind.UNANSWERED);
            publish(record, states.apply(key, AlertKind.UNANSWERED, state,
                    evaluator.conversationWaiting(state, record.value().waiting(), rules.rulesFor(key))));
        }
    }

    private void observe(FixedKeyRecord<String, AlertingInput> record, ScopeKey key, FeedbackObservation observation) {
        baselines.observe(key, observation);
        if (key.scope() != Scope.SUBJECT) {
            return;
        }
        AlertRules rulesNow = rules.rulesFor(key);
        // Only an urgent report, or the rule switched off while an alert is open, can change the
        // state; skipping the read for everything else saves a store read per response.
        if (observation.urgent() || !rulesNow.urgentReport().enabled()) {
            AlertState state = states.state(key, AlertKind.URGENT_REPORT);
            publish(record, states.apply(key, AlertKind.URGENT_REPORT, state,
                    evaluator.reportUrgent(state, observation, rulesNow)));
        }
    }

    private void act(FixedKeyRecord<String, AlertingInput> record, ScopeKey key, OpsActionRequest action) {
        AlertKind kind = AlertKind.fromId(action.kind()).orElse(null);
        if (kind == null) {
            reject(record, action, "'" + action.kind() + "' is not an alert kind; expected one of " + AlertKind.allIds());
            return;
        }
        AlertState state = states.state(key, kind);
        try {
            publish(record, states.apply(key, kind, state, opsActions.apply(state, action, rules.rulesFor(key))));
        } catch (OpsActionRejectedException e) {
            reject(record, action, e.getMessage());
        }
    }

    private void publish(FixedKeyRecord<String, AlertingInput> record, List<AlertEvent> events) {
        for (AlertEvent event : events) {
            context.forward(record.withValue(new AlertingOutput.Alert(AlertRecords.alert(event)))
                    .withTimestamp(streamTime()));
        }
    }

    private void reject(FixedKeyRecord<String, AlertingInput> record, OpsActionRequest action, String reason) {
        Headers headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.TOPIC, Topics.ALERT_ACTIONS.getBytes(StandardCharsets.UTF_8));
        context.forward(record.<AlertingOutput>withValue(new AlertingOutput.RejectedAction(action.alertId(),
                        OpsActionHandler.json(action), reason))
                .withTimestamp(streamTime())
                .withHeaders(DeadLetterHeaders.describing(headers, new OpsActionRejectedException(reason),
                        Optional.empty())));
    }

    private long streamTime() {
        return Math.max(0, context.currentStreamTimeMs());
    }
}
