package org.instantfeedback.streams.alerting;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.Scope;
import org.instantfeedback.alerting.metrics.WindowMetrics;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertHandling;
import org.instantfeedback.events.FeedbackMetrics;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.registry.SpecificAvroSerde;
import org.instantfeedback.streams.feedback.EventSerdes;
import org.instantfeedback.streams.state.KeepLatestPerKey;
import org.instantfeedback.streams.telemetry.OutputTelemetry;

/**
 * The alerting part of the topology (see alerting/ALERTS.md), in two places ({@link AlertingScope}):
 * <ol>
 *   <li>a subject's scored feedback is judged where it was read: feedback.received.v1 is keyed and
 *       partitioned by subject, so its baselines, alert states and slices live in the task that
 *       reads its feedback, and its figures and alerts leave in the transaction that read it. Ops
 *       actions on subjects' alerts ({@code feedback.alert-actions.v1}) are repartitioned by
 *       subject into as many partitions as the input ({@value #SUBJECT_ACTIONS}) to meet that task;</li>
 *   <li>each group of the subject (the hierarchy) gets the observation once, keyed
 *       {@code group:<id>}, repartitioned by group together with the ops actions on groups'
 *       alerts ({@value #BY_SCOPE});</li>
 *   <li>in both places each input, as it comes, goes to {@link ReportsAndActions}: feedback is
 *       counted into the baselines, urgent reports and ops actions change the alert states; each
 *       response is counted once more, into the one-minute slice of its subject or group (a
 *       windowed aggregation with the record cache); the slices that changed go on once per commit,
 *       when the cache is flushed, to {@link JudgeWindows}, which assembles every window from slices
 *       and quarter hours, publishes the figures that changed to {@code feedback.metrics.v1} and the
 *       compacted {@code feedback.metrics.latest.v1}, and judges the windowed alert kinds; alert
 *       events go to {@code feedback.alerts.v1}. A response thus costs a constant number of store
 *       operations whatever the windows, and figures are published per commit, not per
 *       response;</li>
 *   <li>rule overrides from the compacted {@code feedback.alert-rules.v1} are validated by
 *       {@link ValidateAlertRules}; accepted ones go to {@code feedback.alert-rules.accepted.v1},
 *       which every instance holds in full in the global store {@value #ACCEPTED_RULES_STORE};
 *       rejected ones, like unusable ops actions, go to {@code feedback.deadletter.v1} with the
 *       reason in headers.</li>
 * </ol>
 * Times to acknowledge and to resolve are recorded as Micrometer timers by alert kind (not by
 * subject, which would make one time series per route), and per subject (or group) and kind by
 * {@link TrackHandlingTimes} (in the place of the alert's state) on the compacted
 * {@code feedback.alert-handling.v1}.
 */
public final class AlertingTopology {
    /** The finest bucket a trailing window is assembled from: a window ends with the minute of stream time. */
    public static final Duration BUCKET = BucketedWindows.FINE;
    /** Late feedback still counts in buckets this far behind the longest window. */
    public static final Duration BUCKET_GRACE = Duration.ofHours(1);

    public static final String TO_OBSERVATIONS = "alerting.to-observations.v1";
    public static final String SUBJECT_INPUTS = "alerting.subject.to-inputs.v1";
    public static final String GROUP_INPUTS = "alerting.group-observations.v1";
    public static final String ACTIONS_SOURCE = "alerting.actions.source.v1";
    public static final String READ_ACTIONS = "alerting.read-actions.v1";
    public static final String ACTION_OUTCOMES = "alerting.action-outcome.v1-";
    public static final String READABLE = "readable";
    public static final String UNREADABLE = "unreadable";
    public static final String ACTIONS_TO_INPUT = "alerting.actions-to-input.v1";
    public static final String ACTIONS_BY_SCOPE = "alerting.actions-by-scope.v1-";
    public static final String ON_SUBJECTS = "subjects";
    public static final String ON_GROUPS = "groups";
    public static final String SUBJECT_ACTIONS_KEYED = "alerting.subject-actions-by-id.v1";
    /**
     * Ops actions on subjects' alerts, keyed by subject id and partitioned as feedback.received.v1 is
     * (as many partitions, the same partitioner), so each meets the task holding its subject's state:
     * {@code <application.id>-alerting.subject-actions.v1-repartition}.
     */
    public static final String SUBJECT_ACTIONS = "alerting.subject-actions.v1";
    /** The branches of each scope's outputs. */
    public static final String METRICS = "metrics";
    public static final String ALERTS = "alerts";
    public static final String REJECTED = "rejected";
    public static final String UNREADABLE_ACTIONS_TO_JSON = "alerting.unreadable-actions-to-json.v1";
    public static final String UNREADABLE_ACTIONS_SINK = "alerting.unreadable-actions.sink.v1";
    public static final String MERGE_INPUTS = "alerting.merge-inputs.v1";
    /**
     * The repartition by group (feedback and ops actions); its topic is
     * {@code <application.id>-alerting.by-scope.v1-repartition}, the name it had when subjects went through it too.
     */
    public static final String BY_SCOPE = "alerting.by-scope.v1";
    public static final String RULES_SOURCE = "alerting.rules.source.v1";
    public static final String VALIDATE_RULES = "alerting.validate-rules.v1";
    /** The accepted rule overrides, as the validator sees them (key -> JSON). */
    public static final String RULES_STORE = "alerting.rules.v1";
    public static final String RULE_OUTCOMES = "alerting.rule-outcome.v1-";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED_RULE = "rejected";
    public static final String ACCEPTED_RULES_TO_JSON = "alerting.accepted-rules-to-json.v1";
    public static final String ACCEPTED_RULES_SINK = "alerting.accepted-rules.sink.v1";
    public static final String REJECTED_RULES_TO_JSON = "alerting.rejected-rules-to-json.v1";
    public static final String REJECTED_RULES_SINK = "alerting.rejected-rules.sink.v1";
    public static final String ACCEPTED_RULES_SOURCE = "alerting.accepted-rules.source.v1";
    public static final String STORE_ACCEPTED_RULES = "alerting.store-accepted-rules.v1";
    /** Global store of the accepted rule overrides, complete in every instance. */
    public static final String ACCEPTED_RULES_STORE = "alerting.accepted-rules.v1";

    public static final String TIME_TO_ACKNOWLEDGE_TIMER = "feedback.alerts.time.to.acknowledge";
    public static final String TIME_TO_RESOLVE_TIMER = "feedback.alerts.time.to.resolve";

    private AlertingTopology() {
    }

    /**
     * Adds alerting on the scored feedback to the builder's topology.
     *
     * @param inputPartitions the partitions of feedback.received.v1, which ops actions on subjects'
     *                        alerts are repartitioned into (so they meet their subject's state)
     */
    public static void addAlerting(StreamsBuilder builder, KStream<String, FeedbackScored> scored,
                                   AlertingOptions options, int inputPartitions, EventSerdes serdes,
                                   MeterRegistry meters) {
        addRules(builder, options);
        Serde<AlertingInput> inputSerde = AlertingInputSerde.create();
        Observations observations = new Observations(options.hierarchy());
        KStream<String, FeedbackObservation> observed =
                scored.flatMapValues(observations::of, Named.as(TO_OBSERVATIONS));
        Map<String, KStream<String, AlertingInput>> actions = opsActions(builder);

        // Feedback is keyed and partitioned by subject from ingest on: a subject is judged in the
        // task that read its feedback, and its alerts leave in the same transaction.
        KStream<String, AlertingInput> subjectActions = actions.get(ACTIONS_BY_SCOPE + ON_SUBJECTS)
                .selectKey((key, action) -> ScopeKey.parse(key).id(), Named.as(SUBJECT_ACTIONS_KEYED))
                .repartition(Repartitioned.with(Serdes.String(), inputSerde).withName(SUBJECT_ACTIONS)
                        .withNumberOfPartitions(inputPartitions));
        addScope(builder, AlertingScope.SUBJECTS, observed
                .mapValues(AlertingInput::of, Named.as(SUBJECT_INPUTS))
                .merge(subjectActions, Named.as(AlertingScope.SUBJECTS.name("merge-inputs"))),
                options, inputSerde, serdes, meters);

        KStream<String, AlertingInput> groupInputs = observed
                .flatMap((subject, observation) -> observations.groupsOf(observation), Named.as(GROUP_INPUTS))
                .merge(actions.get(ACTIONS_BY_SCOPE + ON_GROUPS), Named.as(MERGE_INPUTS))
                .repartition(Repartitioned.with(Serdes.String(), inputSerde).withName(BY_SCOPE));
        addScope(builder, AlertingScope.GROUPS, groupInputs, options, inputSerde, serdes, meters);
    }

    /**
     * One scope's alerting:
     * <ol>
     *   <li>each input, as it comes, goes to {@link ReportsAndActions}: feedback is counted into the
     *       baselines, urgent reports and ops actions change the alert states;</li>
     *   <li>each response is counted once more, into the one-minute slice of its subject or group
     *       (a windowed aggregation with the record cache); the slices that changed go on once per
     *       commit, when the cache is flushed, to {@link JudgeWindows}, which assembles every window
     *       from slices and quarter hours, publishes the figures that changed and judges the
     *       windowed alert kinds.</li>
     * </ol>
     */
    private static void addScope(StreamsBuilder builder, AlertingScope scope, KStream<String, AlertingInput> inputs,
                                 AlertingOptions options, Serde<AlertingInput> inputSerde, EventSerdes serdes,
                                 MeterRegistry meters) {
        // Cached, so a key's writes between two commits reach the changelog once (stores built
        // here are uncached unless asked).
        builder.addStateStore(keyValueStore(scope.baselineStore()).withCachingEnabled());
        // Written while the slice store's cache is flushed, so not cached themselves: a cache
        // flushed before that would hold the writes past the commit (see JudgeWindows).
        builder.addStateStore(keyValueStore(scope.alertStateStore()).withCachingDisabled());
        builder.addStateStore(quarterHourStore(scope, options).withCachingDisabled());
        builder.addStateStore(keyValueStore(scope.handlingStore()));
        KStream<String, AlertingOutput> reportsAndActions = inputs.processValues(
                () -> new ReportsAndActions(options, scope), Named.as(scope.name("reports-and-actions")),
                scope.baselineStore(), scope.alertStateStore());
        KStream<String, AlertingOutput> judged = inputs
                .filter((key, input) -> input != null && input.observation() != null,
                        Named.as(scope.name("feedback-only")))
                // Already keyed by the scope's record key, so grouping adds no topic.
                .groupByKey(Grouped.with(scope.name("by-scope-and-slice"), Serdes.String(), inputSerde))
                .windowedBy(TimeWindows.ofSizeAndGrace(BucketedWindows.FINE,
                        options.longestWindow().plus(BUCKET_GRACE).minus(BucketedWindows.FINE)))
                .aggregate(WindowMetrics::empty, (key, input, slice) -> slice.add(input.observation()),
                        Named.as(scope.name("count-into-slices")),
                        Materialized.<String, WindowMetrics, WindowStore<Bytes, byte[]>>as(scope.sliceStore())
                                .withKeySerde(Serdes.String())
                                .withValueSerde(WindowMetricsSerde.create())
                                .withRetention(options.longestWindow().plus(BUCKET_GRACE)))
                .toStream(Named.as(scope.name("changed-slices")))
                .process(() -> new JudgeWindows(options, scope), Named.as(scope.name("judge-windows")),
                        scope.sliceStore(), scope.quarterHourStore(), scope.baselineStore(), scope.alertStateStore());
        publish(scope, reportsAndActions.merge(judged, Named.as(scope.name("merge-outputs")))
                .selectKey((key, output) -> output.key(), Named.as(scope.name("key-outputs"))), serdes, meters);
    }

    /** The key of a subject's or group's figures for one window: {@code subject:route-42:PT15M}. */
    static String metricsKey(ScopeKey key, Duration window) {
        return key + ":" + window;
    }

    private static void publish(AlertingScope scope, KStream<String, AlertingOutput> outputs, EventSerdes serdes,
                                MeterRegistry meters) {
        SpecificAvroSerde<FeedbackMetrics> metricsSerde = serdes.metrics();
        SpecificAvroSerde<FeedbackAlert> alertSerde = serdes.alerts();
        SpecificAvroSerde<FeedbackAlertHandling> handlingSerde = serdes.alertHandling();
        String outputsPrefix = scope.name("output") + "-";
        Map<String, KStream<String, AlertingOutput>> byKind = outputs.split(Named.as(outputsPrefix))
                .branch((key, out) -> out instanceof AlertingOutput.Metrics, Branched.as(METRICS))
                .branch((key, out) -> out instanceof AlertingOutput.Alert, Branched.as(ALERTS))
                .defaultBranch(Branched.as(REJECTED));
        KStream<String, FeedbackMetrics> metrics = byKind.get(outputsPrefix + METRICS)
                .mapValues(out -> ((AlertingOutput.Metrics) out).metrics(), Named.as(scope.name("to-metrics")));
        metrics.to(Topics.METRICS, Produced.with(Serdes.String(), metricsSerde).withName(scope.name("metrics.sink")));
        metrics.to(Topics.METRICS_LATEST, Produced.with(Serdes.String(), metricsSerde)
                .withName(scope.name("metrics-latest.sink")));
        KStream<String, FeedbackAlert> alerts = byKind.get(outputsPrefix + ALERTS)
                .mapValues(out -> ((AlertingOutput.Alert) out).alert(), Named.as(scope.name("to-alerts")))
                .peek((alertId, alert) -> recordTimings(meters, alert), Named.as(scope.name("time-alerts")))
                .processValues(OutputTelemetry.alerts(meters), Named.as(scope.name("alert-metrics")));
        alerts.to(Topics.ALERTS, Produced.with(Serdes.String(), alertSerde).withName(scope.name("alerts.sink")));
        alerts.process(() -> new TrackHandlingTimes(scope), Named.as(scope.name("track-handling")),
                        scope.handlingStore())
                .to(Topics.ALERT_HANDLING, Produced.with(Serdes.String(), handlingSerde)
                        .withName(scope.name("handling.sink")));
        byKind.get(outputsPrefix + REJECTED)
                .mapValues(out -> ((AlertingOutput.RejectedAction) out).json(),
                        Named.as(scope.name("rejected-actions-to-json")))
                .to(Topics.DEAD_LETTER, Produced.with(Serdes.String(), Serdes.String())
                        .withName(scope.name("rejected-actions.sink")));
    }

    /** Readable ops actions, keyed by scope key, split into those on subjects' alerts and on groups'. */
    private static Map<String, KStream<String, AlertingInput>> opsActions(StreamsBuilder builder) {
        Map<String, KStream<String, ActionOutcome>> read = builder.stream(Topics.ALERT_ACTIONS,
                        Consumed.with(Serdes.String(), Serdes.String()).withName(ACTIONS_SOURCE))
                .process(ReadOpsActions::new, Named.as(READ_ACTIONS))
                .split(Named.as(ACTION_OUTCOMES))
                .branch((key, outcome) -> outcome.readable(), Branched.as(READABLE))
                .defaultBranch(Branched.as(UNREADABLE));
        read.get(ACTION_OUTCOMES + UNREADABLE)
                .mapValues(ActionOutcome::json, Named.as(UNREADABLE_ACTIONS_TO_JSON))
                .to(Topics.DEAD_LETTER, Produced.with(Serdes.String(), Serdes.String())
                        .withName(UNREADABLE_ACTIONS_SINK));
        return read.get(ACTION_OUTCOMES + READABLE)
                .mapValues(ActionOutcome::input, Named.as(ACTIONS_TO_INPUT))
                .split(Named.as(ACTIONS_BY_SCOPE))
                .branch((key, action) -> ScopeKey.parse(key).scope() == Scope.SUBJECT, Branched.as(ON_SUBJECTS))
                .defaultBranch(Branched.as(ON_GROUPS));
    }

    private static void addRules(StreamsBuilder builder, AlertingOptions options) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RULES_STORE),
                Serdes.String(), Serdes.String()));
        Map<String, KStream<String, RuleOutcome>> outcomes = builder.stream(Topics.ALERT_RULES,
                        Consumed.with(Serdes.String(), Serdes.String()).withName(RULES_SOURCE))
                .process(() -> new ValidateAlertRules(options), Named.as(VALIDATE_RULES), RULES_STORE)
                .split(Named.as(RULE_OUTCOMES))
                .branch((key, outcome) -> outcome.accepted(), Branched.as(ACCEPTED))
                .defaultBranch(Branched.as(REJECTED_RULE));
        outcomes.get(RULE_OUTCOMES + ACCEPTED)
                .mapValues(RuleOutcome::json, Named.as(ACCEPTED_RULES_TO_JSON))
                .to(Topics.ALERT_RULES_ACCEPTED, Produced.with(Serdes.String(), Serdes.String())
                        .withName(ACCEPTED_RULES_SINK));
        outcomes.get(RULE_OUTCOMES + REJECTED_RULE)
                .mapValues(RuleOutcome::json, Named.as(REJECTED_RULES_TO_JSON))
                .to(Topics.DEAD_LETTER, Produced.with(Serdes.String(), Serdes.String())
                        .withName(REJECTED_RULES_SINK));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACCEPTED_RULES_STORE),
                        Serdes.String(), Serdes.String()).withLoggingDisabled(),
                Topics.ALERT_RULES_ACCEPTED,
                Consumed.with(Serdes.String(), Serdes.String()).withName(ACCEPTED_RULES_SOURCE),
                () -> new KeepLatestPerKey<>(ACCEPTED_RULES_STORE));
    }

    private static StoreBuilder<WindowStore<String, byte[]>> quarterHourStore(AlertingScope scope,
                                                                             AlertingOptions options) {
        Duration retention = options.longestWindow().plus(BUCKET_GRACE);
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(scope.quarterHourStore(), retention,
                BucketedWindows.COARSE, false), Serdes.String(), Serdes.ByteArray());
    }

    private static StoreBuilder<KeyValueStore<String, byte[]>> keyValueStore(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.ByteArray());
    }

    // By kind only: a tag per subject would make one time series per route and blow up the metrics
    // backend. Recorded as the event is processed, so a transaction aborted and replayed under
    // exactly-once can count an event twice; the topic is the exact record, the timers a dashboard.
    private static void recordTimings(MeterRegistry meters, FeedbackAlert alert) {
        String kind = alert.getKind().name().toLowerCase(Locale.ROOT);
        if (alert.getTimeToAcknowledgeMillis() != null && alert.getType() == FeedbackAlertEventType.ACKNOWLEDGED) {
            Timer.builder(TIME_TO_ACKNOWLEDGE_TIMER).tag("kind", kind)
                    .description("From an alert opening to ops acknowledging it" + OutputTelemetry.APPROXIMATE)
                    .register(meters)
                    .record(Duration.ofMillis(alert.getTimeToAcknowledgeMillis()));
        }
        if (alert.getTimeToResolveMillis() != null) {
            Timer.builder(TIME_TO_RESOLVE_TIMER).tag("kind", kind).tag("resolution",
                            alert.getResolution() == null ? "unknown"
                                    : alert.getResolution().name().toLowerCase(Locale.ROOT))
                    .description("From an alert opening to its resolution" + OutputTelemetry.APPROXIMATE)
                    .register(meters)
                    .record(Duration.ofMillis(alert.getTimeToResolveMillis()));
        }
    }
}
