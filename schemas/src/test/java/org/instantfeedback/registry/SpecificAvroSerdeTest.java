package org.instantfeedback.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpecificAvroSerdeTest {
    private final String scope = "serde-test-" + UUID.randomUUID();
    private final Map<String, String> configs = Map.of("schema.registry.url", "mock://" + scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.drop(scope);
    }

    @Test
    void writes_the_confluent_wire_format_byte_for_byte() {
        try (SpecificAvroSerde<Rating> serde = SpecificAvroSerde.forValues(Rating.class, configs)) {
            byte[] bytes = serde.serializer().serialize("ratings", new Rating(4, RatingScale.STARS_5));

            int id = MockSchemaRegistry.scope(scope).latest("ratings-value").id();
            // magic byte, 4-byte big-endian id, then Avro: int 4 zig-zags to 0x08, STARS_5 is symbol 1 -> 0x02
            assertThat(bytes).containsExactly(0, id >>> 24, id >>> 16 & 0xff, id >>> 8 & 0xff, id & 0xff, 0x08, 0x02);
        }
    }

    @Test
    void reads_back_what_it_wrote() {
        FeedbackReceived feedback = FeedbackReceived.newBuilder()
                .setEventId("e-1")
                .setChannel(Channel.SMS)
                .setSubject("route-42")
                .setRating(new Rating(2, RatingScale.STARS_5))
                .setText("driver rude")
                .setSenderPseudonym("p-1")
                .setOccurredAt(Instant.parse("2026-11-22T08:00:00Z"))
                .setReceivedAt(Instant.parse("2026-11-22T08:00:01Z"))
                .build();
        try (SpecificAvroSerde<FeedbackReceived> serde = new SpecificAvroSerde<>()) {
            serde.configure(configs, false);

            byte[] bytes = serde.serializer().serialize("feedback", feedback);

            assertThat(serde.deserializer().deserialize("feedback", bytes)).isEqualTo(feedback);
        }
    }

    @Test
    void registers_under_the_key_subject_for_keys() {
        try (SpecificAvroSerde<Rating> serde = new SpecificAvroSerde<>(Rating.class)) {
            serde.configure(configs, true);
            serde.serializer().serialize("ratings", new Rating(1, RatingScale.THUMBS));
        }
        assertThat(MockSchemaRegistry.scope(scope).subjects()).containsExactly("ratings-key");
    }

    @Test
    void null_stays_null_for_tombstones() {
        try (SpecificAvroSerde<Rating> serde = SpecificAvroSerde.forValues(Rating.class, configs)) {
            assertThat(serde.serializer().serialize("ratings", null)).isNull();
            assertThat(serde.deserializer().deserialize("ratings", null)).isNull();
        }
    }

    @Test
    void refuses_a_record_with_a_wrong_magic_byte() {
        try (SpecificAvroSerde<Rating> serde = SpecificAvroSerde.forValues(Rating.class, configs)) {
            assertThatThrownBy(() -> serde.deserializer().deserialize("ratings", new byte[] {1, 0, 0, 0, 1, 8, 2}))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("magic byte 1");
        }
    }

    @Test
    void refuses_a_record_too_short_for_the_header() {
        try (SpecificAvroSerde<Rating> serde = SpecificAvroSerde.forValues(Rating.class, configs)) {
            assertThatThrownBy(() -> serde.deserializer().deserialize("ratings", new byte[] {0, 0, 1}))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("too short");
        }
    }

    @Test
    void names_the_schema_id_it_cannot_find() {
        byte[] unknownId = ByteBuffer.allocate(7).put((byte) 0).putInt(4242).put((byte) 8).put((byte) 2).array();
        try (SpecificAvroSerde<Rating> serde = SpecificAvroSerde.forValues(Rating.class, configs)) {
            assertThatThrownBy(() -> serde.deserializer().deserialize("ratings", unknownId))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("schema id 4242")
                    .hasRootCauseInstanceOf(SchemaRegistryException.class);
        }
    }

    @Test
    void refuses_a_payload_that_does_not_match_its_schema() {
        try (SpecificAvroSerde<Rating> serde = SpecificAvroSerde.forValues(Rating.class, configs)) {
            byte[] good = serde.serializer().serialize("ratings", new Rating(4, RatingScale.STARS_5));
            byte[] truncated = java.util.Arrays.copyOf(good, 6);

            assertThatThrownBy(() -> serde.deserializer().deserialize("ratings", truncated))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("could not read the Avro payload");
        }
    }

    @Test
    void does_not_register_when_auto_registration_is_off() {
        Map<String, String> noAutoRegister = Map.of("schema.registry.url", "mock://" + scope,
                "auto.register.schemas", "false");
        try (SpecificAvroSerde<Rating> serde = SpecificAvroSerde.forValues(Rating.class, noAutoRegister)) {
            assertThatThrownBy(() -> serde.serializer().serialize("ratings", new Rating(4, RatingScale.STARS_5)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("subject ratings-value not found");
        }
    }

    @Test
    void uses_the_latest_registered_version_when_asked_to() {
        int id = MockSchemaRegistry.scope(scope).register("ratings-value", Rating.getClassSchema());
        Map<String, String> latest = Map.of("schema.registry.url", "mock://" + scope,
                "auto.register.schemas", "false", "use.latest.version", "true");
        try (SpecificAvroSerde<Rating> serde = SpecificAvroSerde.forValues(Rating.class, latest)) {
            byte[] bytes = serde.serializer().serialize("ratings", new Rating(4, RatingScale.STARS_5));

            assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        }
    }
}
