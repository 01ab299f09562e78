package org.instantfeedback.streams.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.instantfeedback.alerting.AlertEvent;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.baseline.BaselineLearner;
import org.instantfeedback.alerting.baseline.SubjectBaseline;
import org.instantfeedback.alerting.checks.AlertFigures;
import org.instantfeedback.alerting.lifecycle.AlertEvaluator;
import org.instantfeedback.alerting.lifecycle.AlertState;
import org.instantfeedback.alerting.lifecycle.AlertStateCodec;
import org.instantfeedback.alerting.metrics.WindowFigures;
import org.instantfeedback.alerting.metrics.WindowMetrics;
import org.instantfeedback.alerting.rules.AlertRules;
import org.instantfeedback.alerting.rules.RuleCatalog;
import org.instantfeedback.streams.state.RecentlyUsed;

/**
 * Judges the windows of a subject or group once per commit, not once per response: the slice
 * aggregation before it ({@value AlertingTopology#SLICE_STORE}) passes each changed slice on when
 * its record cache is flushed, which Kafka Streams does before every commit, inside the
 * transaction. For a changed slice it refreshes the quarter hour around it, publishes the rolling
 * figures of every configured window that changed, and judges every windowed alert kind on the
 * window its rule names. Every evaluation interval (wall clock) it looks at open alerts again with
 * the current window, so a subject that went quiet still resolves.
 *
 * <p>"Now" is stream time, never the wall clock: replaying the same input under exactly-once gives
 * the same alerts, ids included. A quiet subject therefore resolves as stream time moves on with the
 * feedback of the other subjects of its partition.
 */
final class JudgeWindows implements Processor<Windowed<String>, WindowMetrics, String, AlertingOutput> {
    /**
     * Figures last published per metrics key, so a second changed slice of a subject in one commit
     * publishes nothing new. Made afresh in {@link #init}: a task revived after an aborted
     * transaction must publish again what the aborted one published.
     */
    private static final int REMEMBERED_FIGURES = 10_000;

    private final AlertingOptions options;
    private final AlertEvaluator evaluator;
    private final BaselineLearner learner;
    private Map<String, WindowFigures> published;
    private ProcessorContext<String, AlertingOutput> context;
    private AlertRulesSource rules;
    private BucketedWindows buckets;
    private Baselines baselines;
    private AlertStates states;

    JudgeWindows(AlertingOptions options) {
        this.options = options;
        this.evaluator = new AlertEvaluator(options.wording());
        this.learner = new BaselineLearner(options.baselines());
    }

    @Override
    public void init(ProcessorContext<String, AlertingOutput> context) {
        this.context = context;
        published = RecentlyUsed.map(REMEMBERED_FIGURES);
        buckets = new BucketedWindows(context.getStateStore(AlertingTopology.SLICE_STORE),
                context.getStateStore(AlertingTopology.COARSE_BUCKET_STORE));
        baselines = new Baselines(context.getStateStore(AlertingTopology.BASELINE_STORE), learner);
        states = new AlertStates(context.getStateStore(AlertingTopology.ALERT_STATE_STORE));
        rules = new AcceptedRules(options, context.getStateStore(AlertingTopology.ACCEPTED_RULES_STORE));
        context.schedule(options.evaluationInterval(), PunctuationType.WALL_CLOCK_TIME, wallClock -> review());
    }

    @Override
    public void process(Record<Windowed<String>, WindowMetrics> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        ScopeKey key = ScopeKey.parse(record.key().key());
        buckets.sliceChanged(key, record.key().window().start());

        Instant now = streamTime();
        Map<Duration, WindowFigures> figures = new HashMap<>();
        for (Duration window : options.windows()) {
            WindowFigures windowFigures = figures.computeIfAbsent(window, w -> buckets.figures(key, w, now));
            String metricsKey = AlertingTopology.metricsKey(key, window);
            if (!windowFigures.equals(published.put(metricsKey, windowFigures))) {
                forward(metricsKey, new AlertingOutput.Metrics(AlertRecords.metrics(key, windowFigures, now)));
            }
        }
        AlertRules rulesNow = rules.rulesFor(key);
        SubjectBaseline baseline = baselines.of(key);
        for (AlertKind kind : AlertKind.values()) {
            if (kind.windowed()) {
                judge(key, kind, rulesNow, baseline, figures, now);
            }
        }
    }

    private void judge(ScopeKey key, AlertKind kind, AlertRules rulesNow, SubjectBaseline baseline,
                       Map<Duration, WindowFigures> figures, Instant now) {
        Duration window = RuleCatalog.window(rulesNow.forKind(kind)).orElseThrow();
        WindowFigures windowFigures = figures.computeIfAbsent(window, w -> buckets.figures(key, w, now));
        AlertFigures alertFigures = new AlertFigures(windowFigures, learner.csat(baseline, now),
                learner.usualComplaints(baseline, window, now));
        AlertState state = states.state(key, kind);
        publish(states.apply(key, kind, state, evaluator.evaluate(state, alertFigures, rulesNow, now)));
    }

    /** Looks at every open alert again with the current window, so quiet subjects resolve too. */
    private void review() {
        Instant now = streamTime();
        List<AlertState> open = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = states.store().all()) {
            all.forEachRemaining(entry -> {
                AlertState state = AlertStateCodec.decode(entry.value);
                if (state.isOpen()) {
                    open.add(state);
                }
            });
        }
        for (AlertState state : open) {
            ScopeKey key = new ScopeKey(state.scope(), state.subject());
            AlertRules rulesNow = rules.rulesFor(key);
            if (state.kind().windowed()) {
                judge(key, state.kind(), rulesNow, baselines.of(key), new HashMap<>(), now);
            } else {
                publish(states.apply(key, state.kind(), state, evaluator.review(state, rulesNow, now)));
            }
        }
    }

    private void publish(List<AlertEvent> events) {
        for (AlertEvent event : events) {
            AlertingOutput.Alert alert = new AlertingOutput.Alert(AlertRecords.alert(event));
            forward(alert.key(), alert);
        }
    }

    private Instant streamTime() {
        return Instant.ofEpochMilli(Math.max(0, context.currentStreamTimeMs()));
    }

    private void forward(String key, AlertingOutput output) {
        context.forward(new Record<>(key, output, Math.max(0, context.currentStreamTimeMs())));
    }
}
