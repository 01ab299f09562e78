package org.instantfeedback.benchmarks.flink;

import java.io.IOException;
import java.util.Optional;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.util.Collector;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.measures.RatingNormalisation;

/**
 * Reads {@code feedback.received.v1} values (Confluent wire format: magic byte 0, a 4-byte schema
 * id, then Avro binary) with the reader schema of {@link FeedbackReceived}, and passes on only the
 * ratings that count towards CSAT, as (subject, occurredAt millis, 5-point rating) — the same rule
 * the Kafka Streams topology applies ({@link RatingNormalisation}). The schema id is not looked up:
 * the benchmark writes this topic with the one schema this class was generated from.
 */
final class StarRatingDecoder implements DeserializationSchema<Tuple3<String, Long, Integer>> {
    private static final int WIRE_HEADER_BYTES = 5;

    private transient SpecificDatumReader<FeedbackReceived> reader;
    private transient BinaryDecoder decoder;
    private transient FeedbackReceived reuse;

    @Override
    public Tuple3<String, Long, Integer> deserialize(byte[] message) {
        throw new UnsupportedOperationException("one record may yield no rating; the collector variant is used");
    }

    @Override
    public void deserialize(byte[] message, Collector<Tuple3<String, Long, Integer>> out) throws IOException {
        if (message == null || message.length <= WIRE_HEADER_BYTES || message[0] != 0) {
            return;
        }
        if (reader == null) {
            reader = new SpecificDatumReader<>(FeedbackReceived.class);
        }
        decoder = DecoderFactory.get().binaryDecoder(message, WIRE_HEADER_BYTES,
                message.length - WIRE_HEADER_BYTES, decoder);
        reuse = reader.read(reuse, decoder);
        if (reuse.getRating() == null) {
            return;
        }
        Rating rating = reuse.getRating();
        Optional<Integer> stars = RatingNormalisation.fivePointEquivalent(rating.getScale().name(), rating.getValue());
        if (stars.isPresent()) {
            out.collect(Tuple3.of(reuse.getSubject(), reuse.getOccurredAt().toEpochMilli(), stars.get()));
        }
    }

    @Override
    public boolean isEndOfStream(Tuple3<String, Long, Integer> next) {
        return false;
    }

    @Override
    public TypeInformation<Tuple3<String, Long, Integer>> getProducedType() {
        return Types.TUPLE(Types.STRING, Types.LONG, Types.INT);
    }
}
