package org.instantfeedback.streams.handling;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.instantfeedback.config.Topics;
import org.instantfeedback.streams.conversations.HandlingFact;
import org.instantfeedback.streams.feedback.EventSerdes;
import org.instantfeedback.streams.state.JsonSerde;

/**
 * The measures customer service is held to, per subject, group and ops user: every handling fact
 * of the conversations goes to each key it counts for, is repartitioned by that key
 * ({@value #BY_SCOPE}), counted into minute slices ({@value #SLICE_STORE}) or, for a passenger
 * starting or stopping to wait, into the key's open and overdue conversations ({@value #QUEUE_STORE}),
 * and the key's figures over each rolling window are published on {@code feedback.handling.v1},
 * answered by the query API and, for the counts, shown in Prometheus.
 */
public final class HandlingTopology {
    public static final String SLICE_STORE = "handling.slices.v1";
    /** The open and overdue conversations of each key now ({@link QueueCounts}), keyed {@code <scope>:<id>}. */
    public static final String QUEUE_STORE = "handling.queues.v1";
    /** The repartition topic is {@code <application.id>-handling.by-scope.v1-repartition}. */
    public static final String BY_SCOPE = "handling.by-scope.v1";

    private HandlingTopology() {
    }

    public static String repartitionTopic(String applicationId) {
        return applicationId + "-" + BY_SCOPE + "-repartition";
    }

    public static void addTo(StreamsBuilder builder, KStream<String, HandlingFact> facts, List<Duration> windows,
                             SubjectHierarchy hierarchy, EventSerdes serdes, MeterRegistry meters) {
        Duration longest = Collections.max(windows);
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(SLICE_STORE,
                HandlingWindows.retention(longest), HandlingWindows.SLICE, false), Serdes.String(),
                JsonSerde.of(HandlingSlice.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QUEUE_STORE),
                Serdes.String(), JsonSerde.of(QueueCounts.class)));
        ConversationQueueGauges gauges = new ConversationQueueGauges(meters);
        facts.flatMap((subject, fact) -> HandlingKey.of(fact, hierarchy).stream()
                        .map(key -> KeyValue.pair(key.toString(), fact)).toList(), Named.as("handling.fan-out.v1"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(HandlingFact.class)).withName(BY_SCOPE))
                .process(() -> new MeasureHandling(windows, meters, gauges), Named.as("handling.measure.v1"),
                        SLICE_STORE, QUEUE_STORE)
                .to(Topics.HANDLING, Produced.with(Serdes.String(), serdes.handling()).withName("handling.sink.v1"));
    }
}
