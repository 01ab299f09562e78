package org.instantfeedback.streams.alerting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.instantfeedback.alerting.AlertEvent;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.Scope;
import org.instantfeedback.alerting.baseline.BaselineLearner;
import org.instantfeedback.alerting.baseline.SubjectBaseline;
import org.instantfeedback.alerting.baseline.SubjectBaselineCodec;
import org.instantfeedback.alerting.checks.AlertFigures;
import org.instantfeedback.alerting.lifecycle.AlertEvaluator;
import org.instantfeedback.alerting.lifecycle.AlertState;
import org.instantfeedback.alerting.lifecycle.AlertStateCodec;
import org.instantfeedback.alerting.lifecycle.AlertEvaluation;
import org.instantfeedback.alerting.lifecycle.OpsActionRejectedException;
import org.instantfeedback.alerting.metrics.WindowFigures;
import org.instantfeedback.alerting.rules.AlertRules;
import org.instantfeedback.alerting.rules.RuleCatalog;
import org.instantfeedback.config.Topics;
import org.instantfeedback.streams.feedback.DeadLetterHeaders;

/**
 * Runs the alerting core for the subjects and groups of one task. On each piece of feedback it
 * counts it into its one-minute bucket and the baselines, publishes the rolling figures of every
 * configured window, judges every windowed alert kind on the window its rule names, and (for
 * subjects) takes urgent reports. Every evaluation interval (wall clock) it looks at open alerts
 * again with the current window, so a subject that went quiet still resolves. Ops actions arrive on
 * the same key, so they meet the alert state they change.
 *
 * <p>"Now" is stream time, never the wall clock: replaying the same input under exactly-once gives
 * the same alerts, ids included. A quiet subject therefore resolves as stream time moves on with the
 * feedback of the other subjects of its partition.
 */
final class EvaluateAlerts implements Processor<String, AlertingInput, String, AlertingOutput> {
    private final AlertingOptions options;
    private AlertRulesSource rules;
    private final AlertEvaluator evaluator;
    private final BaselineLearner learner;
    private final OpsActionHandler opsActions;
    private ProcessorContext<String, AlertingOutput> context;
    private BucketedWindows buckets;
    private KeyValueStore<String, byte[]> baselines;
    private KeyValueStore<String, byte[]> states;

    EvaluateAlerts(AlertingOptions options) {
        this.options = options;
        this.evaluator = new AlertEvaluator(options.wording());
        this.learner = new BaselineLearner(options.baselines());
        this.opsActions = new OpsActionHandler(evaluator);
    }

    @Override
    public void init(ProcessorContext<String, AlertingOutput> context) {
        this.context = context;
        buckets = new BucketedWindows(context.getStateStore(AlertingTopology.BUCKET_STORE),
                context.getStateStore(AlertingTopology.COARSE_BUCKET_STORE));
        baselines = context.getStateStore(AlertingTopology.BASELINE_STORE);
        states = context.getStateStore(AlertingTopology.ALERT_STATE_STORE);
        rules = new AcceptedRules(options, context.getStateStore(AlertingTopology.ACCEPTED_RULES_STORE));
        context.schedule(options.evaluationInterval(), PunctuationType.WALL_CLOCK_TIME, wallClock -> review());
    }

    @Override
    public void process(Record<String, AlertingInput> record) {
        if (record.value() == null) {
            return;
        }
        ScopeKey key = ScopeKey.parse(record.key());
        if (record.value().observation() != null) {
            observe(key, record.value().observation());
        } else if (record.value().action() != null) {
            act(key, record.value().action());
        }
    }

    private void observe(ScopeKey key, FeedbackObservation observation) {
        buckets.add(key, observation);
        SubjectBaseline baseline = learner.observe(baseline(key), observation);
        baselines.put(key.toString(), SubjectBaselineCodec.encode(baseline));

        Instant now = streamTime();
        Map<Duration, WindowFigures> figures = new HashMap<>();
        for (Duration window : options.windows()) {
            WindowFigures windowFigures = figures.computeIfAbsent(window, w -> buckets.figures(key, w, now));
            forward(AlertingTopology.metricsKey(key, window),
                    new AlertingOutput.Metrics(AlertRecords.metrics(key, windowFigures, observation.occurredAt())));
        }
        AlertRules rulesNow = rules.rulesFor(key);
        for (AlertKind kind : AlertKind.values()) {
            if (kind.windowed()) {
                judge(key, kind, rulesNow, baseline, figures, now);
            } else if (key.scope() == Scope.SUBJECT) {
                AlertState state = state(key, kind);
                apply(key, kind, state, evaluator.reportUrgent(state, observation, rulesNow));
            }
        }
    }

    private void judge(ScopeKey key, AlertKind kind, AlertRules rulesNow, SubjectBaseline baseline,
                       Map<Duration, WindowFigures> figures, Instant now) {
        Duration window = RuleCatalog.window(rulesNow.forKind(kind)).orElseThrow();
        WindowFigures windowFigures = figures.computeIfAbsent(window, w -> buckets.figures(key, w, now));
        AlertFigures alertFigures = new AlertFigures(windowFigures, learner.csat(baseline, now),
                learner.usualComplaints(baseline, window, now));
        AlertState state = state(key, kind);
        apply(key, kind, state, evaluator.evaluate(state, alertFigures, rulesNow, now));
    }

    private void act(ScopeKey key, OpsActionRequest action) {
        AlertKind kind = AlertKind.fromId(action.kind()).orElse(null);
        if (kind == null) {
            reject(action, "'" + action.kind() + "' is not an alert kind; expected one of " + AlertKind.allIds());
            return;
        }
        AlertState state = state(key, kind);
        try {
            apply(key, kind, state, opsActions.apply(state, action, rules.rulesFor(key)));
        } catch (OpsActionRejectedException e) {
            reject(action, e.getMessage());
        }
    }

    /** Looks at every open alert again with the current window, so quiet subjects resolve too. */
    private void review() {
        Instant now = streamTime();
        List<KeyValue<String, AlertState>> open = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = states.all()) {
            all.forEachRemaining(entry -> {
                AlertState state = AlertStateCodec.decode(entry.value);
                if (state.isOpen()) {
                    open.add(KeyValue.pair(entry.key, state));
                }
            });
        }
        for (KeyValue<String, AlertState> entry : open) {
            AlertState state = entry.value;
            ScopeKey key = new ScopeKey(state.scope(), state.subject());
            AlertRules rulesNow = rules.rulesFor(key);
            if (state.kind().windowed()) {
                judge(key, state.kind(), rulesNow, baseline(key), new HashMap<>(), now);
            } else {
                apply(key, state.kind(), state, evaluator.reviewUrgent(state, rulesNow, now));
            }
        }
    }

    private void apply(ScopeKey key, AlertKind kind, AlertState before, AlertEvaluation evaluation) {
        if (!evaluation.state().equals(before)) {
            states.put(key.stateKey(kind), AlertStateCodec.encode(evaluation.state()));
        }
        for (AlertEvent event : evaluation.events()) {
            forward(event.alertId(), new AlertingOutput.Alert(AlertRecords.alert(event)));
        }
    }

    private void reject(OpsActionRequest action, String reason) {
        Headers headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.TOPIC, Topics.ALERT_ACTIONS.getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<String, AlertingOutput>(action.alertId(),
                new AlertingOutput.RejectedAction(OpsActionHandler.json(action), reason),
                Math.max(0, context.currentStreamTimeMs()),
                DeadLetterHeaders.describing(headers, new OpsActionRejectedException(reason), Optional.empty())));
    }

    private SubjectBaseline baseline(ScopeKey key) {
        byte[] stored = baselines.get(key.toString());
        return stored == null ? SubjectBaseline.NONE : SubjectBaselineCodec.decode(stored);
    }

    private AlertState state(ScopeKey key, AlertKind kind) {
        byte[] stored = states.get(key.stateKey(kind));
        return stored == null ? AlertState.none(key.scope(), key.id(), kind) : AlertStateCodec.decode(stored);
    }

    private Instant streamTime() {
        return Instant.ofEpochMilli(Math.max(0, context.currentStreamTimeMs()));
    }

    private void forward(String key, AlertingOutput output) {
        context.forward(new Record<>(key, output, Math.max(0, context.currentStreamTimeMs())));
    }
}
