package org.instantfeedback.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.errors.SerializationException;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;
import org.junit.jupiter.api.Test;

/** The serde against a real registry speaking the Confluent REST API. */
@WithKafkaAndRegistry
class RealRegistryIT {
    private final String topic = "registry-test-" + UUID.randomUUID();

    @Test
    void a_record_written_through_the_registry_is_read_back_by_a_fresh_reader(KafkaAndRegistry registry) {
        FeedbackReceived feedback = FeedbackReceived.newBuilder()
                .setEventId("e-1").setChannel(Channel.WEB).setSubject("route-42")
                .setRating(new Rating(5, RatingScale.STARS_5))
                .setOccurredAt(Instant.parse("2026-11-22T08:00:00Z"))
                .setReceivedAt(Instant.parse("2026-11-22T08:00:01Z"))
                .build();
        Map<String, String> configs = Map.of("schema.registry.url", registry.schemaRegistryUrl());

        byte[] bytes;
        try (SpecificAvroSerde<FeedbackReceived> writer = SpecificAvroSerde.forValues(FeedbackReceived.class, configs)) {
            bytes = writer.serializer().serialize(topic, feedback);
        }
        try (SpecificAvroSerde<FeedbackReceived> reader = SpecificAvroSerde.forValues(FeedbackReceived.class, configs)) {
            assertThat(reader.deserializer().deserialize(topic, bytes)).isEqualTo(feedback);
        }
        SchemaRegistryClient client = SchemaRegistryClient.connect(SchemaRegistrySettings.from(configs));
        assertThat(client.latest(topic + "-value").schema()).isEqualTo(FeedbackReceived.getClassSchema());
    }

    @Test
    void says_the_subject_is_not_found_when_registration_is_off(KafkaAndRegistry registry) {
        Map<String, String> configs = Map.of("schema.registry.url", registry.schemaRegistryUrl(),
                "auto.register.schemas", "false");
        try (SpecificAvroSerde<Rating> serde = SpecificAvroSerde.forValues(Rating.class, configs)) {
            assertThatThrownBy(() -> serde.serializer().serialize(topic, new Rating(4, RatingScale.STARS_5)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining(topic + "-value")
                    .hasCauseInstanceOf(SchemaRegistryException.class)
                    .cause()
                    .satisfies(cause -> assertThat(((SchemaRegistryException) cause).kind())
                            .isEqualTo(SchemaRegistryException.Kind.SUBJECT_NOT_FOUND));
        }
    }

    @Test
    void refuses_an_incompatible_schema_in_the_registry_s_words(KafkaAndRegistry registry) throws Exception {
        String subject = topic + "-value";
        setCompatibility(registry.schemaRegistryUrl(), subject, "BACKWARD");
        SchemaRegistryClient client = SchemaRegistryClient.connect(
                SchemaRegistrySettings.from(Map.of("schema.registry.url", registry.schemaRegistryUrl())));
        client.register(subject, Rating.getClassSchema());
        // A new required field without a default: readers of the new schema cannot read old data.
        Schema incompatible = SchemaBuilder.record("Rating").namespace("org.instantfeedback.events").fields()
                .requiredInt("value").requiredString("reason").endRecord();

        assertThatThrownBy(() -> client.register(subject, incompatible))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SchemaRegistryException.Kind.INCOMPATIBLE_SCHEMA);
                    assertThat(e.httpStatus()).isEqualTo(409);
                })
                .hasMessageContaining("answered 409");
    }

    @Test
    void says_which_schema_id_the_registry_does_not_know(KafkaAndRegistry registry) {
        SchemaRegistryClient client = SchemaRegistryClient.connect(
                SchemaRegistrySettings.from(Map.of("schema.registry.url", registry.schemaRegistryUrl())));

        assertThatThrownBy(() -> client.schemaById(987_654))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(404))
                .hasMessageContaining("/schemas/ids/987654");
    }

    private static void setCompatibility(String registryUrl, String subject, String level) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(registryUrl + "/config/" + subject))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
