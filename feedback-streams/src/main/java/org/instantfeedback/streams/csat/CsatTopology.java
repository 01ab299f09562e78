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
 * {@code occurredAt}), summed per subject over hopping windows in the queryable store
 * {@value #STORE}, and every window update published as a {@code CsatWindow} keyed by subject on
 * {@code feedback.csat.v1}. Part of the application topology built by
 * {@link org.instantfeedback.streams.StreamsTopology}.
 *
 * <p>Every processor, store and serde is named here, so the topology (and the names of its
 * changelog topic and metrics) stays the same across releases unless a name's version changes.
 */
public final class CsatTopology {
    /** Ratings on their 5-point equivalent; named when only stars counted, kept so the topology stays the same. */
    private static final String STAR_RATINGS = "csat.star-ratings.v1";
    private static final String BY_SUBJECT = "csat.by-subject.v1";
    private static final String WINDOW_REDUCE = "csat.window-reduce.v1";
    /** The window store of {@link CsatTally} per subject and window start; queryable. */
    public static final String STORE = "csat.windows.v1";
    private static final String WINDOW_UPDATES = "csat.window-updates.v1";
    private static final String TO_CSAT_WINDOW = "csat.to-csat-window.v1";
    private static final String CSAT_SINK = "csat.sink.v1";
    private static final String END_TO_END_LATENCY = "csat.end-to-end-latency.v1";

    private CsatTopology() {
    }

    /** Adds the CSAT windows, their store and their output to a stream of feedback keyed by subject. */
    public static void addCsat(KStream<String, FeedbackReceived> feedback, CsatWindowSpec windows,
                               Serde<CsatWindow> csatSerde) {
        addCsat(feedback, windows, csatSerde, new SimpleMeterRegistry());
    }

    /** As above, recording the end-to-end latency of each update in {@code meters} (see {@link OutputTelemetry}). */
    public static void addCsat(KStream<String, FeedbackReceived> feedback, CsatWindowSpec windows,
                               Serde<CsatWindow> csatSerde, MeterRegistry meters) {
        Serde<CsatTally> tallySerde = new CsatTallySerde();
        feedback
                .processValues(() -> new CsatRatings(windows), Named.as(STAR_RATINGS))
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
