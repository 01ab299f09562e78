package org.instantfeedback.streams.alerting;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
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
import org.instantfeedback.alerting.metrics.WindowMetrics;
import org.instantfeedback.alerting.ConversationWaiting;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertHandling;
import org.instantfeedback.events.FeedbackMetrics;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.registry.SpecificAvroSerde;
import org.instantfeedback.streams.feedback.EventSerdes;
import org.instantfeedback.streams.state.JsonSerde;
import org.instantfeedback.streams.state.KeepLatestPerKey;
import org.instantfeedback.streams.telemetry.OutputTelemetry;

/**
 * The alerting part of the topology (see alerting/ALERTS.md):
 * <ol>
 *   <li>scored feedback becomes one observation for its subject and one for each of its groups,
 *       keyed {@code subject:<id>} / {@code group:<id>}; ops actions from
 *       {@code feedback.alert-actions.v1} join them on the same key, and both are repartitioned
 *       together ({@value #BY_SCOPE}), so an action meets the alert state it changes;</li>
 *   <li>each input, as it comes, goes to {@link ReportsAndActions}: feedback is counted into the
 *       baselines ({@value #BASELINE_STORE}), urgent reports and ops actions change the alert
 *       states ({@value #ALERT_STATE_STORE});</li>
 *   <li>each response is counted once more, into the one-minute slice of its subject or group
 *       ({@value #SLICE_STORE}, a windowed aggregation with the record cache); the slices that
 *       changed go on once per commit, when the cache is flushed, to {@link JudgeWindows}, which
 *       assembles every window from slices and quarter hours ({@value #COARSE_BUCKET_STORE}),
 *       publishes the figures that changed to {@code feedback.metrics.v1} and the compacted
 *       {@code feedback.metrics.latest.v1}, and judges the windowed alert kinds; alert events go
 *       to {@code feedback.alerts.v1}. A response thus costs a constant number of store
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
 * {@link TrackHandlingTimes} ({@value #HANDLING_STORE}) on the compacted
 * {@code feedback.alert-handling.v1}.
 */
public final class AlertingTopology {
    /** The finest bucket a trailing window is assembled from: a window ends with the minute of stream time. */
    public static final Duration BUCKET = BucketedWindows.FINE;
    /** Late feedback still counts in buckets this far behind the longest window. */
    public static final Duration BUCKET_GRACE = Duration.ofHours(1);

    public static final String TO_OBSERVATIONS = "alerting.to-observations.v1";
    public static final String ACTIONS_SOURCE = "alerting.actions.source.v1";
    public static final String READ_ACTIONS = "alerting.read-actions.v1";
    public static final String ACTION_OUTCOMES = "alerting.action-outcome.v1-";
    public static final String READABLE = "readable";
    public static final String UNREADABLE = "unreadable";
    public static final String ACTIONS_TO_INPUT = "alerting.actions-to-input.v1";
    public static final String UNREADABLE_ACTIONS_TO_JSON = "alerting.unreadable-actions-to-json.v1";
    public static final String UNREADABLE_ACTIONS_SINK = "alerting.unreadable-actions.sink.v1";
    public static final String MERGE_INPUTS = "alerting.merge-inputs.v1";
    /** The repartition by subject or group; its topic is {@code <application.id>-alerting.by-scope.v1-repartition}. */
    public static final String BY_SCOPE = "alerting.by-scope.v1";
    /** Baselines, urgent reports and ops actions, per input ({@link ReportsAndActions}). */
    public static final String REPORTS_AND_ACTIONS = "alerting.reports-and-actions.v1";
    public static final String FEEDBACK_ONLY = "alerting.feedback-only.v1";
    /** Names the grouping; the stream is already keyed by subject or group, so it adds no topic. */
    public static final String BY_SCOPE_AND_SLICE = "alerting.by-scope-and-slice.v1";
    public static final String COUNT_INTO_SLICES = "alerting.count-into-slices.v1";
    /**
     * One-minute slices of {@code WindowMetrics} per subject and group: each response is counted in
     * one slice, and every window is assembled from slices (see {@link BucketedWindows}).
     */
    public static final String SLICE_STORE = "alerting.slices.v1";
    /** The slices that changed, once per commit (the slice store's record cache is flushed then). */
    public static final String CHANGED_SLICES = "alerting.changed-slices.v1";
    public static final String JUDGE_WINDOWS = "alerting.judge-windows.v1";
    /** Quarter-hour merges of the slices, so long windows merge few buckets (see {@link BucketedWindows}). */
    public static final String COARSE_BUCKET_STORE = "alerting.buckets-15m.v1";
    public static final String BASELINE_STORE = "alerting.baselines.v1";
    public static final String ALERT_STATE_STORE = "alerting.alert-state.v1";
    public static final String MERGE_OUTPUTS = "alerting.merge-outputs.v1";
    public static final String KEY_OUTPUTS = "alerting.key-outputs.v1";
    public static final String OUTPUTS = "alerting.output.v1-";
    public static final String METRICS = "metrics";
    public static final String ALERTS = "alerts";
    public static final String REJECTED = "rejected";
    public static final String TO_METRICS = "alerting.to-metrics.v1";
    public static final String METRICS_SINK = "alerting.metrics.sink.v1";
    public static final String METRICS_LATEST_SINK = "alerting.metrics-latest.sink.v1";
    public static final String TO_ALERTS = "alerting.to-alerts.v1";
    public static final String TIME_ALERTS = "alerting.time-alerts.v1";
    public static final String ALERTS_SINK = "alerting.alerts.sink.v1";
    public static final String TRACK_HANDLING = "alerting.track-handling.v1";
    /** Running time-to-acknowledge and time-to-resolve tallies per {@code <scope>:<id>:<kind>}. */
    public static final String HANDLING_STORE = "alerting.handling-times.v1";
    public static final String HANDLING_SINK = "alerting.handling.sink.v1";
    /** Counts alert events and records their end-to-end latency (see {@link OutputTelemetry}). */
    public static final String ALERT_METRICS = "alerting.alert-metrics.v1";
    public static final String REJECTED_ACTIONS_TO_JSON = "alerting.rejected-actions-to-json.v1";
    public static final String REJECTED_ACTIONS_SINK = "alerting.rejected-actions.sink.v1";
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

    /** Adds alerting on the scored feedback to the builder's topology. */
    public static void addAlerting(StreamsBuilder builder, KStream<String, FeedbackScored> scored,
                                   KStream<String, ConversationWaiting> waiting,
                                   AlertingOptions options, EventSerdes serdes, MeterRegistry meters) {
        addRules(builder, options);
        // Cached, so a key's writes between two commits reach the changelog once (stores built
        // here are uncached unless asked).
        builder.addStateStore(keyValueStore(BASELINE_STORE).withCachingEnabled());
        // Written while the slice store's cache is flushed, so not cached themselves: a cache
        // flushed before that would hold the writes past the commit (see JudgeWindows).
        builder.addStateStore(keyValueStore(ALERT_STATE_STORE).withCachingDisabled());
        builder.addStateStore(quarterHourStore(options).withCachingDisabled());
        builder.addStateStore(keyValueStore(HANDLING_STORE));
        Serde<AlertingInput> inputSerde = JsonSerde.of(AlertingInput.class);
        Observations observations = new Observations(options.hierarchy());
        KStream<String, AlertingInput> inputs = scored
                .flatMap((subject, event) -> observations.fanOut(event), Named.as(TO_OBSERVATIONS))
                .merge(opsActions(builder), Named.as(MERGE_INPUTS))
                .merge(waiting.map((subject, conversation) -> KeyValue.pair(ScopeKey.subject(conversation.subject())
                                .toString(), AlertingInput.of(conversation)), Named.as("alerting.to-waiting.v1")),
                        Named.as("alerting.merge-waiting.v1"))
                .repartition(Repartitioned.with(Serdes.String(), inputSerde).withName(BY_SCOPE));
        KStream<String, AlertingOutput> reportsAndActions = inputs.processValues(
                () -> new ReportsAndActions(options), Named.as(REPORTS_AND_ACTIONS), BASELINE_STORE, ALERT_STATE_STORE);
        KStream<String, AlertingOutput> judged = inputs
                .filter((key, input) -> input != null && input.observation() != null, Named.as(FEEDBACK_ONLY))
                .groupByKey(Grouped.with(BY_SCOPE_AND_SLICE, Serdes.String(), inputSerde))
                .windowedBy(TimeWindows.ofSizeAndGrace(BucketedWindows.FINE,
                        options.longestWindow().plus(BUCKET_GRACE).minus(BucketedWindows.FINE)))
                .aggregate(WindowMetrics::empty, (key, input, slice) -> slice.add(input.observation()),
                        Named.as(COUNT_INTO_SLICES),
                        Materialized.<String, WindowMetrics, WindowStore<Bytes, byte[]>>as(SLICE_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(WindowMetricsSerde.create())
                                .withRetention(options.longestWindow().plus(BUCKET_GRACE)))
                .toStream(Named.as(CHANGED_SLICES))
                .process(() -> new JudgeWindows(options), Named.as(JUDGE_WINDOWS),
                        SLICE_STORE, COARSE_BUCKET_STORE, BASELINE_STORE, ALERT_STATE_STORE);
        publish(reportsAndActions.merge(judged, Named.as(MERGE_OUTPUTS))
                .selectKey((key, output) -> output.key(), Named.as(KEY_OUTPUTS)), serdes, meters);
    }

    /** The key of a subject's or group's figures for one window: {@code subject:route-42:PT15M}. */
    static String metricsKey(ScopeKey key, Duration window) {
        return key + ":" + window;
    }

    private static void publish(KStream<String, AlertingOutput> outputs, EventSerdes serdes, MeterRegistry meters) {
        SpecificAvroSerde<FeedbackMetrics> metricsSerde = serdes.metrics();
        SpecificAvroSerde<FeedbackAlert> alertSerde = serdes.alerts();
        SpecificAvroSerde<FeedbackAlertHandling> handlingSerde = serdes.alertHandling();
        Map<String, KStream<String, AlertingOutput>> byKind = outputs.split(Named.as(OUTPUTS))
                .branch((key, out) -> out instanceof AlertingOutput.Metrics, Branched.as(METRICS))
                .branch((key, out) -> out instanceof AlertingOutput.Alert, Branched.as(ALERTS))
                .defaultBranch(Branched.as(REJECTED));
        KStream<String, FeedbackMetrics> metrics = byKind.get(OUTPUTS + METRICS)
                .mapValues(out -> ((AlertingOutput.Metrics) out).metrics(), Named.as(TO_METRICS));
        metrics.to(Topics.METRICS, Produced.with(Serdes.String(), metricsSerde).withName(METRICS_SINK));
        metrics.to(Topics.METRICS_LATEST, Produced.with(Serdes.String(), metricsSerde).withName(METRICS_LATEST_SINK));
        KStream<String, FeedbackAlert> alerts = byKind.get(OUTPUTS + ALERTS)
                .mapValues(out -> ((AlertingOutput.Alert) out).alert(), Named.as(TO_ALERTS))
                .peek((alertId, alert) -> recordTimings(meters, alert), Named.as(TIME_ALERTS))
                .processValues(OutputTelemetry.alerts(meters), Named.as(ALERT_METRICS));
        alerts.to(Topics.ALERTS, Produced.with(Serdes.String(), alertSerde).withName(ALERTS_SINK));
        alerts.process(TrackHandlingTimes::new, Named.as(TRACK_HANDLING), HANDLING_STORE)
                .to(Topics.ALERT_HANDLING, Produced.with(Serdes.String(), handlingSerde).withName(HANDLING_SINK));
        byKind.get(OUTPUTS + REJECTED)
                .mapValues(out -> ((AlertingOutput.RejectedAction) out).json(), Named.as(REJECTED_ACTIONS_TO_JSON))
                .to(Topics.DEAD_LETTER, Produced.with(Serdes.String(), Serdes.String())
                        .withName(REJECTED_ACTIONS_SINK));
    }

    private static KStream<String, AlertingInput> opsActions(StreamsBuilder builder) {
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
        return read.get(ACTION_OUTCOMES + READABLE).mapValues(ActionOutcome::input, Named.as(ACTIONS_TO_INPUT));
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

    private static StoreBuilder<WindowStore<String, byte[]>> quarterHourStore(AlertingOptions options) {
        Duration retention = options.longestWindow().plus(BUCKET_GRACE);
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(COARSE_BUCKET_STORE, retention,
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
