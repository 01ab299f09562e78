package org.instantfeedback.streams.csat;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
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
import org.instantfeedback.streams.time.OccurredAtTimestampExtractor;

/**
 * Rolling CSAT per subject: feedback from {@code feedback.received.v1}, placed in time by
 * {@code occurredAt}, its 5-star ratings summed per subject over hopping windows in the queryable
 * store {@value #STORE}, and every window update published as a {@code CsatWindow} keyed by
 * subject on {@code feedback.csat.v1}.
 *
 * <p>Every processor, store and serde is named here, so the topology (and the names of its
 * changelog topic and metrics) stays the same across releases unless a name's version changes.
 */
public final class CsatTopology {
    /** The source of feedback.received.v1; later aggregates hang off the same stream. */
    public static final String FEEDBACK_SOURCE = "feedback.received.source.v1";
    public static final String STAR_RATINGS = "csat.star-ratings.v1";
    public static final String BY_SUBJECT = "csat.by-subject.v1";
    public static final String WINDOW_REDUCE = "csat.window-reduce.v1";
    /** The window store of {@link CsatTally} per subject and window start; queryable. */
    public static final String STORE = "csat.windows.v1";
    public static final String WINDOW_UPDATES = "csat.window-updates.v1";
    public static final String TO_CSAT_WINDOW = "csat.to-csat-window.v1";
    public static final String CSAT_SINK = "csat.sink.v1";

    private CsatTopology() {
    }

    /** The whole application topology as it runs; tests drive the same one. */
    public static Topology buildTopology(CsatWindowSpec windows, Serde<FeedbackReceived> feedbackSerde,
                                         Serde<CsatWindow> csatSerde) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, FeedbackReceived> feedback = feedbackStream(builder, feedbackSerde);
        addCsat(feedback, windows, csatSerde);
        return builder.build();
    }

    /** feedback.received.v1 with event time taken from {@code occurredAt}. */
    public static KStream<String, FeedbackReceived> feedbackStream(StreamsBuilder builder,
                                                                   Serde<FeedbackReceived> feedbackSerde) {
        return builder.stream(Topics.FEEDBACK_RECEIVED,
                Consumed.with(Serdes.String(), feedbackSerde)
                        .withTimestampExtractor(new OccurredAtTimestampExtractor())
                        .withName(FEEDBACK_SOURCE));
    }

    /** Adds the CSAT windows, their store and their output to a stream of feedback keyed by subject. */
    public static void addCsat(KStream<String, FeedbackReceived> feedback, CsatWindowSpec windows,
                               Serde<CsatWindow> csatSerde) {
        Serde<CsatTally> tallySerde = new CsatTallySerde();
        feedback
                .processValues(() -> new StarRatings(windows), Named.as(STAR_RATINGS))
                .groupByKey(Grouped.with(BY_SUBJECT, Serdes.String(), tallySerde))
                .windowedBy(windows.timeWindows())
                .reduce(CsatTally::plus, Named.as(WINDOW_REDUCE),
                        Materialized.<String, CsatTally, WindowStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(tallySerde)
                                .withRetention(windows.retention()))
                .toStream(Named.as(WINDOW_UPDATES))
                .map(CsatTopology::toCsatWindow, Named.as(TO_CSAT_WINDOW))
                .to(Topics.CSAT, Produced.with(Serdes.String(), csatSerde).withName(CSAT_SINK));
    }

    private static KeyValue<String, CsatWindow> toCsatWindow(Windowed<String> window, CsatTally tally) {
        String subject = window.key();
        return KeyValue.pair(subject,
                tally.toCsatWindow(subject, window.window().startTime(), window.window().endTime()));
    }
}
