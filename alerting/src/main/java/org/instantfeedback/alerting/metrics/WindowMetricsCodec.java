package org.instantfeedback.alerting.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.instantfeedback.alerting.codec.CorruptStateException;
import org.instantfeedback.alerting.codec.StateInput;
import org.instantfeedback.alerting.codec.StateOutput;

/**
 * {@link WindowMetrics} as bytes for a window store and its changelog: a version byte, then the
 * counts, the two sender sketches, topic counts, examples and the latest event time. Internal
 * state, not a published contract, so it stays out of the schema registry; the version byte lets a
 * later layout read what this one wrote. Times keep millisecond precision, as Avro timestamps do.
 */
public final class WindowMetricsCodec {
    private static final byte VERSION_1 = 1;
    private static final byte EXACT = 0;
    private static final byte APPROXIMATE = 1;

    private WindowMetricsCodec() {
    }

    public static byte[] encode(WindowMetrics metrics) {
        StateOutput out = new StateOutput(VERSION_1);
        writeCounts(out, metrics.counts());
        writeSenders(out, metrics.senders());
        writeSenders(out, metrics.complainants());
        out.writeInt(metrics.topicCounts().size());
        metrics.topicCounts().forEach((topic, count) -> {
            out.writeString(topic);
            out.writeLong(count);
        });
        out.writeInt(metrics.examples().size());
        for (ExampleText example : metrics.examples()) {
            out.writeString(example.eventId());
            out.writeInstant(example.occurredAt());
            out.writeString(example.text());
        }
        out.writeNullableInstant(metrics.latestEventAt());
        return out.toByteArray();
    }

    public static WindowMetrics decode(byte[] bytes) {
        StateInput in = new StateInput(bytes, VERSION_1, "window metrics");
        try {
            ResponseCounts counts = readCounts(in);
            DistinctSenders senders = readSenders(in);
            DistinctSenders complainants = readSenders(in);
            SortedMap<String, Long> topics = new TreeMap<>();
            for (int i = in.readCount(WindowMetrics.MAX_TOPIC_IDS); i > 0; i--) {
                topics.put(in.readString(), in.readLong());
            }
            List<ExampleText> examples = new ArrayList<>();
            for (int i = in.readCount(WindowMetrics.EXAMPLE_LIMIT); i > 0; i--) {
                examples.add(new ExampleText(in.readString(), in.readInstant(), in.readString()));
            }
            WindowMetrics metrics = new WindowMetrics(counts, senders, complainants, topics, examples,
                    in.readNullableInstant());
            in.expectEnd();
            return metrics;
        } catch (IllegalArgumentException e) {
            throw new CorruptStateException("corrupt window metrics: " + e.getMessage(), e);
        }
    }

    private static void writeCounts(StateOutput out, ResponseCounts c) {
        for (long value : new long[] {c.responses(), c.ratedResponses(), c.satisfiedResponses(), c.ratingSum(),
                c.promoters(), c.passives(), c.detractors(), c.scoredTexts(), c.negativeTexts(), c.urgentReports(),
                c.complaints()}) {
            out.writeLong(value);
        }
    }

    private static ResponseCounts readCounts(StateInput in) {
        return new ResponseCounts(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }

    private static void writeSenders(StateOutput out, DistinctSenders senders) {
        if (senders.isExact()) {
            out.writeByte(EXACT);
            long[] hashes = senders.exactHashes();
            out.writeInt(hashes.length);
            for (long hash : hashes) {
                out.writeLong(hash);
            }
        } else {
            out.writeByte(APPROXIMATE);
            out.writeBytes(senders.registers());
        }
    }

    private static DistinctSenders readSenders(StateInput in) {
        byte mode = in.readByte();
        if (mode == APPROXIMATE) {
            return DistinctSenders.ofRegisters(in.readBytes(DistinctSenders.REGISTERS));
        }
        if (mode != EXACT) {
            throw new CorruptStateException("unknown sender sketch mode " + mode);
        }
        long[] hashes = new long[in.readCount(DistinctSenders.EXACT_CAP)];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = in.readLong();
            if (i > 0 && hashes[i] <= hashes[i - 1]) {
                throw new CorruptStateException("sender hashes out of order");
            }
        }
        return DistinctSenders.ofExact(hashes);
    }
}
