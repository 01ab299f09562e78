package org.instantfeedback.streams.csat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.CsatWindow;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.streams.telemetry.OutputTelemetry;

/**
 * Rolling CSAT per subject: the 5-star ratings of deduplicated feedback (placed in time by
 * {@code occurredAt}), each counted once, in its time slice ({@link CsatWindowSpec#slice()}), into
 * the queryable store {@value #SLICE_STORE}; at each commit, for every subject whose slices changed,
 * its current rolling window, summed from the slices, is published as a {@code CsatWindow} keyed by
 * subject on {@code feedback.csat.v2} ({@link PublishCurrentWindow}). The query API sums the slices
 * of any window the same way ({@link CsatQueries}).
 *
 * <p>While {@code CSAT_V1_ENABLED} (deprecated; see {@link CsatOutputs}), the hopping-window path
 * runs beside it unchanged: every rating summed into each of its hopping windows in {@value #STORE},
 * every window update published on {@code feedback.csat.v1}.
 *
 * <p>Every processor, store and serde is named here, so the topology (and the names of its
 * changelog topics and metrics) stays the same across releases unless a name's version changes.
 * Part of the application topology built by {@link org.instantfeedback.streams.StreamsTopology}.
 */
public final class CsatTopology {
    /** Ratings on their 5-point equivalent; named when only stars counted, kept so the topology stays the same. */
    private static final String STAR_RATINGS = "csat.star-ratings.v1";
    private static final String BY_SUBJECT = "csat.by-subject.v1";
    private static final String WINDOW_REDUCE = "csat.window-reduce.v1";
    /** The window store of {@link CsatTally} per subject and hopping window start (feedback.csat.v1 only). */
    public static final String STORE = "csat.windows.v1";
    private static final String WINDOW_UPDATES = "csat.window-updates.v1";
    private static final String TO_CSAT_WINDOW = "csat.to-csat-window.v1";
    private static final String CSAT_SINK = "csat.sink.v1";
    private static final String END_TO_END_LATENCY = "csat.end-to-end-latency.v1";

    private static final String SLICE_PLACEMENT = "csat.slice-placement.v1";
    private static final String SLICES_BY_SUBJECT = "csat.slices-by-subject.v1";
    private static final String SLICE_AGGREGATE = "csat.slice-aggregate.v1";
    /** The window store of {@link CsatTally} per subject and slice start; queryable, what the query API reads. */
    public static final String SLICE_STORE = "csat.slices.v1";
    private static final String SLICE_CHANGES = "csat.slice-changes.v1";
    private static final String CURRENT_WINDOW = "csat.current-window.v1";
    private static final String CURRENT_WINDOW_LATENCY = "csat.current-window-latency.v1";
    private static final String CURRENT_WINDOW_SINK = "csat.current-window-sink.v1";

    private CsatTopology() {
    }

    /** Adds the CSAT slices, their store and feedback.csat.v2, and feedback.csat.v1 when asked, to a stream of feedback keyed by subject. */
    public static void addCsat(KStream<String, FeedbackReceived> feedback, CsatWindowSpec windows, boolean v1Enabled,
                               Serde<CsatWindow> csatSerde) {
        addCsat(feedback, windows, v1Enabled, csatSerde, new SimpleMeterRegistry());
    }

    /** As above, recording the end-to-end latency of each update in {@code meters} (see {@link OutputTelemetry}). */
    public static void addCsat(KStream<String, FeedbackReceived> feedback, CsatWindowSpec windows, boolean v1Enabled,
                               Serde<CsatWindow> csatSerde, MeterRegistry meters) {
        Serde<CsatTally> tallySerde = new CsatTallySerde();
        KStream<String, CsatTally> ratings =
                feedback.processValues(() -> new CsatRatings(windows, v1Enabled), Named.as(STAR_RATINGS));
        if (v1Enabled) {
            addHoppingWindows(ratings, windows, tallySerde, csatSerde, meters);
        }
        addSlices(ratings, windows, tallySerde, csatSerde, meters);
    }

    private static void addSlices(KStream<String, CsatTally> ratings, CsatWindowSpec windows,
                                  Serde<CsatTally> tallySerde, Serde<CsatWindow> csatSerde, MeterRegistry meters) {
        ratings
                .processValues(() -> new PlaceTooLateRatings(windows), Named.as(SLICE_PLACEMENT))
                // Already keyed by subject, so grouping by key repartitions nothing.
                .groupByKey(Grouped.with(SLICES_BY_SUBJECT, Serdes.String(), tallySerde))
                .windowedBy(windows.sliceWindows())
                .aggregate(CsatTally::none, (subject, rating, slice) -> slice.plus(rating),
                        Named.as(SLICE_AGGREGATE),
                        Materialized.<String, CsatTally, WindowStore<Bytes, byte[]>>as(SLICE_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(tallySerde)
                                .withRetention(windows.retention()))
                .toStream(Named.as(SLICE_CHANGES))
                .process(() -> new PublishCurrentWindow(windows, LastPublishedWindows.DEFAULT_CAPACITY),
                        Named.as(CURRENT_WINDOW), SLICE_STORE)
                .processValues(OutputTelemetry.<CsatWindow>csatV2(meters), Named.as(CURRENT_WINDOW_LATENCY))
                .to(Topics.CSAT_V2, Produced.with(Serdes.String(), csatSerde).withName(CURRENT_WINDOW_SINK));
    }

    /** The deprecated feedback.csat.v1 path, names and all as it always was. */
    private static void addHoppingWindows(KStream<String, CsatTally> ratings, CsatWindowSpec windows,
                                          Serde<CsatTally> tallySerde, Serde<CsatWindow> csatSerde, MeterRegistry meters) {
        ratings
                .groupByKey(Grouped.with(BY_SUBJECT, Serdes.String(), tallySerde))
                .windowedBy(windows.timeWindows())
                .reduce(CsatTally::plus, Named.as(WINDOW_REDUCE),
                        Materialized.<String, CsatTally, WindowStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(tallySerde)
                                .withRetention(windows.retention()))
                .toStream(Named.as(WINDOW_UPDATES))
                .map(CsatTopology::toCsatWindow, Named.as(TO_CSAT_WINDOW))
                .processValues(OutputTelemetry.<CsatWindow>csat(meters), Named.as(END_TO_END_LATENCY))
                .to(Topics.CSAT, Produced.with(Serdes.String(), csatSerde).withName(CSAT_SINK));
    }

    private static KeyValue<String, CsatWindow> toCsatWindow(Windowed<String> window, CsatTally tally) {
        String subject = window.key();
        return KeyValue.pair(subject,
                tally.toCsatWindow(subject, window.window().startTime(), window.window().endTime()));
    }
}
