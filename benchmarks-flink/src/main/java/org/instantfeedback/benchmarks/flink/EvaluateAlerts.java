package org.instantfeedback.benchmarks.flink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.instantfeedback.alerting.AlertEvent;
import org.instantfeedback.alerting.AlertEventJson;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.Scope;
import org.instantfeedback.alerting.Wording;
import org.instantfeedback.alerting.baseline.BaselineLearner;
import org.instantfeedback.alerting.baseline.BaselineSettings;
import org.instantfeedback.alerting.baseline.SubjectBaseline;
import org.instantfeedback.alerting.baseline.SubjectBaselineCodec;
import org.instantfeedback.alerting.checks.AlertFigures;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.instantfeedback.alerting.lifecycle.AlertEvaluation;
import org.instantfeedback.alerting.lifecycle.AlertEvaluator;
import org.instantfeedback.alerting.lifecycle.AlertState;
import org.instantfeedback.alerting.lifecycle.AlertStateCodec;
import org.instantfeedback.alerting.metrics.WindowFigures;
import org.instantfeedback.alerting.rules.AlertRules;
import org.instantfeedback.alerting.rules.RuleBook;
import org.instantfeedback.alerting.rules.RuleCatalog;
import org.instantfeedback.events.FeedbackMetrics;
import org.instantfeedback.events.FeedbackScored;

/**
 * The alert decision per subject or group (the key, {@code subject:<id>} / {@code group:<id>}),
 * as feedback-streams' alerting makes it, with the alerting module's core. On each feedback it
 * counts it into its buckets ({@link AlertBuckets}) and the baselines ({@link BaselineLearner}),
 * and for subjects takes urgent reports at once. The windows are judged as ours' JudgeWindows
 * judges them, once per commit rather than once per response: a key whose buckets changed asks for
 * a processing-time firing at the next 100 ms boundary (ours commits every 100 ms under
 * exactly-once and passes on the slices that changed), and that firing publishes the figures of
 * every alert window that changed since they were last published to the metrics and
 * latest-metrics topics, and judges every windowed alert kind on the window its rule names
 * ({@link AlertEvaluator}, the default rules of {@link RuleBook}). Alert events go to the alerts
 * topic as JSON ({@link AlertEventJson}).
 *
 * <p>"Now" is the latest event time this task has seen, as stream time is in ours. While a key has
 * an open alert, a processing-time timer looks at it again every evaluation interval (30 s by
 * default, ours' ALERT_EVALUATION_INTERVAL), so a subject that went quiet still resolves. Buckets
 * leave the state by an event-time timer once their quarter hour is older than the longest window
 * and an hour of grace, the retention of ours' bucket stores. At the end of a bounded input, where
 * Flink fires every event-time timer but no pending processing-time one, the first of those
 * publishes what is still pending, as ours' last commit does.
 *
 * <p>Not here: ops actions and run-time rule overrides (the benchmark sends none) and the handling
 * times ours tracks from acknowledgements and resolutions.
 */
final class EvaluateAlerts extends KeyedProcessFunction<String, Tuple2<String, byte[]>, Outbound> {
    private static final long serialVersionUID = 1L;
    /** feedback-streams' ALERT_WINDOWS default. */
    static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(24));
    /** feedback-streams' ALERT_EVALUATION_INTERVAL default. */
    private static final Duration EVALUATION_INTERVAL = Duration.ofSeconds(30);
    /** feedback-streams' BUCKET_GRACE: late feedback counts in buckets this far behind the longest window. */
    private static final Duration BUCKET_GRACE = Duration.ofHours(1);
    /** From a quarter hour's start until it has left the longest window and its grace. */
    private static final Duration BUCKETS_KEPT =
            AlertBuckets.COARSE.plus(WINDOWS.get(WINDOWS.size() - 1)).plus(BUCKET_GRACE);
    /** feedback-streams' commit interval under exactly-once: how often changed windows are published. */
    static final Duration PUBLISH_INTERVAL = Duration.ofMillis(100);
    /** As ours' JudgeWindows: the figures last published are remembered for this many metrics keys. */
    private static final int REMEMBERED_FIGURES = 10_000;
    private static final TypeInformation<byte[]> BYTES = PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;

    private final OutputTopics topics;
    private final AvroBinary<FeedbackScored> scoredAvro = new AvroBinary<>(FeedbackScored.class);
    private final AvroBinary<FeedbackMetrics> metricsAvro = new AvroBinary<>(FeedbackMetrics.class);
    private transient AlertEvaluator evaluator;
    private transient BaselineLearner learner;
    private transient RuleBook rules;
    private transient AlertBuckets buckets;
    private transient ValueState<byte[]> baselines;
    private transient MapState<String, byte[]> states;
    private transient ValueState<Long> pendingReview;
    /** The processing time of the key's pending publication, while its buckets changed since the last. */
    private transient ValueState<Long> pendingPublish;
    /**
     * Figures last published per metrics key. Made afresh in {@link #open}, as ours makes it afresh
     * per task: after a restore, what the aborted transaction published is published again.
     */
    private transient Map<String, WindowFigures> published;
    /** The latest event time seen: this task's stream time. */
    private transient long streamTime;

    EvaluateAlerts(OutputTopics topics) {
        this.topics = topics;
    }

    @Override
    public void open(OpenContext context) {
        evaluator = new AlertEvaluator(Wording.utc());
        learner = new BaselineLearner(BaselineSettings.DEFAULT);
        rules = RuleBook.of(AlertRules.DEFAULT, SubjectHierarchy.EMPTY, Set.copyOf(WINDOWS));
        buckets = new AlertBuckets(
                getRuntimeContext().getMapState(new MapStateDescriptor<>("buckets-1m", Types.LONG, BYTES)),
                getRuntimeContext().getMapState(new MapStateDescriptor<>("buckets-15m", Types.LONG, BYTES)));
        baselines = getRuntimeContext().getState(new ValueStateDescriptor<>("baseline", BYTES));
        states = getRuntimeContext().getMapState(new MapStateDescriptor<>("alert-state", Types.STRING, BYTES));
        pendingReview = getRuntimeContext().getState(new ValueStateDescriptor<>("pending-review", Types.LONG));
        pendingPublish = getRuntimeContext().getState(new ValueStateDescriptor<>("pending-publish", Types.LONG));
        published = new LinkedHashMap<>(1_024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, WindowFigures> eldest) {
                return size() > REMEMBERED_FIGURES;
            }
        };
    }

    @Override
    public void processElement(Tuple2<String, byte[]> in, Context context, Collector<Outbound> out) throws Exception {
        FeedbackObservation observation;
        try {
            observation = AlertingRecords.observation(scoredAvro.decode(in.f1));
        } catch (IllegalArgumentException e) {
            return; // as in ours: such feedback stays on the scored topic, out of metrics and alerts
        }
        String key = in.f0;
        Scope scope = scopeOf(key);
        String id = key.substring(scope.id().length() + 1);
        streamTime = Math.max(streamTime, observation.occurredAt().toEpochMilli());

        // One timer per quarter hour, set when its first response arrives: the timer store is read
        // and written only then, not for every response.
        OptionalLong began = buckets.add(key, observation);
        if (began.isPresent()) {
            context.timerService().registerEventTimeTimer(began.getAsLong() + BUCKETS_KEPT.toMillis());
        }
        baselines.update(SubjectBaselineCodec.encode(learner.observe(baseline(), observation)));
        publishLater(context);

        if (scope != Scope.SUBJECT) {
            return;
        }
        AlertRules rulesNow = rules.rulesFor(scope, id);
        boolean open = false;
        for (AlertKind kind : AlertKind.values()) {
            if (!kind.windowed()) {
                AlertState state = state(scope, id, kind);
                open |= apply(kind, state, evaluator.reportUrgent(state, observation, rulesNow), out);
            }
        }
        reviewLater(context, open);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Outbound> out) throws Exception {
        if (context.timeDomain() == TimeDomain.EVENT_TIME) {
            // Only the end of the input brings the watermark to its maximum.
            if (context.timerService().currentWatermark() == Long.MAX_VALUE) {
                publishPendingChanges(context, out);
            }
            buckets.drop(timestamp - BUCKETS_KEPT.toMillis());
            return;
        }
        Long publishAt = pendingPublish.value();
        if (publishAt != null && publishAt == timestamp) {
            publishChanges(context, out);
        }
        Long reviewAt = pendingReview.value();
        if (reviewAt != null && reviewAt == timestamp) {
            review(context, out);
        }
    }

    /** Publishes now what waits for its processing-time firing, which would not come. */
    private void publishPendingChanges(Context context, Collector<Outbound> out) throws Exception {
        Long publishAt = pendingPublish.value();
        if (publishAt != null) {
            context.timerService().deleteProcessingTimeTimer(publishAt);
            publishChanges(context, out);
        }
    }

    /**
     * Publishes the figures of every window that changed since they were last published and judges
     * every windowed kind: what ours does for a subject whose slices changed in a commit.
     */
    private void publishChanges(Context context, Collector<Outbound> out) throws Exception {
        pendingPublish.clear();
        String key = context.getCurrentKey();
        Scope scope = scopeOf(key);
        String id = key.substring(scope.id().length() + 1);
        Instant now = Instant.ofEpochMilli(streamTime);
        Map<Duration, WindowFigures> figures = new HashMap<>();
        for (Duration window : WINDOWS) {
            WindowFigures windowFigures = buckets.figures(key, window, now);
            figures.put(window, windowFigures);
            String metricsKey = key + ":" + window;
            if (!windowFigures.equals(published.put(metricsKey, windowFigures))) {
                byte[] metrics = metricsAvro.encode(AlertingRecords.metrics(scope, id, windowFigures, now));
                out.collect(new Outbound(topics.metrics(), metricsKey, metrics));
                out.collect(new Outbound(topics.metricsLatest(), metricsKey, metrics));
            }
        }
        AlertRules rulesNow = rules.rulesFor(scope, id);
        SubjectBaseline baseline = baseline();
        boolean open = false;
        for (AlertKind kind : AlertKind.values()) {
            if (kind.windowed()) {
                open |= judge(key, scope, id, kind, rulesNow, baseline, figures, now, out);
            }
        }
        reviewLater(context, open);
    }

    /** Looks at the key's open alerts again with the current window, so quiet subjects resolve too. */
    private void review(Context context, Collector<Outbound> out) throws Exception {
        pendingReview.clear();
        String key = context.getCurrentKey();
        Scope scope = scopeOf(key);
        String id = key.substring(scope.id().length() + 1);
        Instant now = Instant.ofEpochMilli(streamTime);
        AlertRules rulesNow = rules.rulesFor(scope, id);
        boolean open = false;
        for (AlertKind kind : AlertKind.values()) {
            AlertState state = state(scope, id, kind);
            if (!state.isOpen()) {
                continue;
            }
            if (kind.windowed()) {
                open |= judge(key, scope, id, kind, rulesNow, baseline(), new HashMap<>(), now, out);
            } else {
                open |= apply(kind, state, evaluator.review(state, rulesNow, now), out);
            }
        }
        reviewLater(context, open);
    }

    /** Judges one windowed kind; returns whether its alert is open afterwards. */
    private boolean judge(String key, Scope scope, String id, AlertKind kind, AlertRules rulesNow,
                       SubjectBaseline baseline, Map<Duration, WindowFigures> figures, Instant now,
                       Collector<Outbound> out) throws Exception {
        Duration window = RuleCatalog.window(rulesNow.forKind(kind)).orElseThrow();
        WindowFigures windowFigures = figures.get(window);
        if (windowFigures == null) {
            windowFigures = buckets.figures(key, window, now);
        }
        AlertFigures alertFigures = new AlertFigures(windowFigures, learner.csat(baseline, now),
                learner.usualComplaints(baseline, window, now));
        AlertState state = state(scope, id, kind);
        return apply(kind, state, evaluator.evaluate(state, alertFigures, rulesNow, now), out);
    }

    /** Stores the new state and publishes the events; returns whether the alert is open afterwards. */
    private boolean apply(AlertKind kind, AlertState before, AlertEvaluation evaluation, Collector<Outbound> out)
            throws Exception {
        if (!evaluation.state().equals(before)) {
            states.put(kind.id(), AlertStateCodec.encode(evaluation.state()));
        }
        for (AlertEvent event : evaluation.events()) {
            out.collect(new Outbound(topics.alerts(), event.alertId(),
                    AlertEventJson.write(event).getBytes(StandardCharsets.UTF_8)));
        }
        return evaluation.state().isOpen();
    }

    /**
     * Asks for the key's changed windows to be published at the next boundary of the interval,
     * unless that is asked already: the boundaries are shared by all keys, as ours' commits are.
     */
    private void publishLater(Context context) throws Exception {
        if (pendingPublish.value() != null) {
            return;
        }
        long interval = PUBLISH_INTERVAL.toMillis();
        long at = Math.floorDiv(context.timerService().currentProcessingTime(), interval) * interval + interval;
        context.timerService().registerProcessingTimeTimer(at);
        pendingPublish.update(at);
    }

    /** Asks for a look at the key's alerts an evaluation interval from now, while one of them is open. */
    private void reviewLater(Context context, boolean anyOpen) throws Exception {
        if (!anyOpen || pendingReview.value() != null) {
            return;
        }
        long at = context.timerService().currentProcessingTime() + EVALUATION_INTERVAL.toMillis();
        context.timerService().registerProcessingTimeTimer(at);
        pendingReview.update(at);
    }

    private SubjectBaseline baseline() throws Exception {
        byte[] stored = baselines.value();
        return stored == null ? SubjectBaseline.NONE : SubjectBaselineCodec.decode(stored);
    }

    private AlertState state(Scope scope, String id, AlertKind kind) throws Exception {
        byte[] stored = states.get(kind.id());
        return stored == null ? AlertState.none(scope, id, kind) : AlertStateCodec.decode(stored);
    }

    private static Scope scopeOf(String key) {
        return key.startsWith(Scope.GROUP.id() + ":") ? Scope.GROUP : Scope.SUBJECT;
    }
}
