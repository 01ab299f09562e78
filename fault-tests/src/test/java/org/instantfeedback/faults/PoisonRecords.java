package org.instantfeedback.faults;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.CsatWindow;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.registry.SpecificAvroSerializer;

/**
 * The four kinds of record a topic's readers cannot use, as they turn up in practice: random
 * bytes (a producer with the wrong serializer), a wrong magic byte (not the Confluent wire format),
 * an unknown schema id (written against another registry), and a valid Avro record of the wrong
 * schema (a producer writing CsatWindow where feedback belongs).
 */
final class PoisonRecords {
    static final String RANDOM_BYTES = "random-bytes";
    static final String WRONG_MAGIC_BYTE = "wrong-magic-byte";
    static final String UNKNOWN_SCHEMA_ID = "unknown-schema-id";
    static final String WRONG_SCHEMA = "wrong-schema";

    private PoisonRecords() {
    }

    /** Kind of poison to its bytes, in a stable order. */
    static Map<String, byte[]> all(Clients clients) {
        Map<String, byte[]> poison = new LinkedHashMap<>();
        byte[] random = new byte[64];
        new Random(8).nextBytes(random);
        random[0] = (byte) 0x9c; // not the magic byte, so this stays "random bytes" rather than an odd schema id
        poison.put(RANDOM_BYTES, random);
        byte[] feedback = validFeedback(clients);
        byte[] wrongMagic = feedback.clone();
        wrongMagic[0] = 1;
        poison.put(WRONG_MAGIC_BYTE, wrongMagic);
        poison.put(UNKNOWN_SCHEMA_ID, ByteBuffer.allocate(feedback.length).put(feedback)
                .putInt(1, 987_654_321).array());
        poison.put(WRONG_SCHEMA, csatWindow(clients));
        return poison;
    }

    private static byte[] validFeedback(Clients clients) {
        try (SpecificAvroSerializer<FeedbackReceived> serializer = new SpecificAvroSerializer<>()) {
            serializer.configure(clients.registry(), false);
            Instant now = Instant.now();
            return serializer.serialize(Topics.FEEDBACK_RECEIVED, FeedbackReceived.newBuilder()
                    .setEventId("poison-template").setChannel(Channel.WEB).setSubject("poison-template")
                    .setOccurredAt(now).setReceivedAt(now).build());
        }
    }

    /** A CsatWindow as its own topic's producer writes it, registered schema id and all. */
    private static byte[] csatWindow(Clients clients) {
        try (SpecificAvroSerializer<CsatWindow> serializer = new SpecificAvroSerializer<>()) {
            serializer.configure(clients.registry(), false);
            Instant now = Instant.now();
            return serializer.serialize(Topics.CSAT, CsatWindow.newBuilder()
                    .setSubject("poison-template").setWindowStart(now).setWindowEnd(now.plusSeconds(900))
                    .setRatedResponses(1).setSatisfiedResponses(1).setRatingSum(5).setCsatPercent(100.0)
                    .setAverageRating(5.0).setUpdatedAt(now).build());
        }
    }
}
