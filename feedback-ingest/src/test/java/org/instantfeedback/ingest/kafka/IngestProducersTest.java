package org.instantfeedback.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.instantfeedback.ingest.config.IngestConfig;
import org.instantfeedback.registry.SchemaRegistryException;
import org.junit.jupiter.api.Test;

class IngestProducersTest {

    @Test
    void waits_for_all_replicas_without_duplicates_and_never_longer_than_the_publish_timeout() {
        Map<String, Object> props = IngestProducers.producerProperties(
                IngestConfig.from(Map.of("INGEST_LOCAL_MODE", "true", "INGEST_PUBLISH_TIMEOUT_MS", "3000")).publishing());

        assertThat(props).containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("max.block.ms", "3000")
                .containsEntry("delivery.timeout.ms", "3000")
                .containsEntry("request.timeout.ms", "2995")
                .containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void keeps_timeouts_the_operator_set_and_derives_the_request_timeout_from_their_linger() {
        Map<String, Object> props = IngestProducers.producerProperties(IngestConfig.from(Map.of(
                "INGEST_LOCAL_MODE", "true", "INGEST_PUBLISH_TIMEOUT_MS", "3000", "KAFKA_LINGER_MS", "100",
                "KAFKA_MAX_BLOCK_MS", "1000")).publishing());

        assertThat(props).containsEntry("max.block.ms", "1000").containsEntry("request.timeout.ms", "2900");
    }

    @Test
    void gives_each_producer_its_own_client_id_when_the_operator_names_them() {
        var publishing = IngestConfig.from(Map.of("INGEST_LOCAL_MODE", "true", "KAFKA_CLIENT_ID", "ingest-7"))
                .publishing();

        assertThat(IngestProducers.producerProperties(publishing)).containsEntry("client.id", "ingest-7");
        assertThat(IngestProducers.producerProperties(publishing, "reply-status"))
                .containsEntry("client.id", "ingest-7-reply-status");
        assertThat(IngestProducers.producerProperties(IngestConfig.from(Map.of("INGEST_LOCAL_MODE", "true"))
                .publishing(), "reply-status")).doesNotContainKey("client.id");
    }

    @Test
    void bounds_schema_registry_calls_by_the_publish_timeout_too() {
        Map<String, Object> props = IngestProducers.serdeProperties(
                IngestConfig.from(Map.of("INGEST_LOCAL_MODE", "true", "INGEST_PUBLISH_TIMEOUT_MS", "3000")).publishing());

        assertThat(props).containsEntry("schema.registry.request.timeout.ms", "3000")
                .containsEntry("schema.registry.url", "http://localhost:8081");
    }

    @Test
    void treats_an_unreachable_or_slow_kafka_as_unavailable() {
        assertThat(IngestProducers.classified(new TimeoutException("expired")))
                .isInstanceOf(PublishUnavailableException.class);
        assertThat(IngestProducers.classified(new NetworkException("gone")))
                .isInstanceOf(PublishUnavailableException.class);
    }

    @Test
    void treats_an_unreachable_registry_as_unavailable() {
        SchemaRegistryException unreachable = new SchemaRegistryException(
                SchemaRegistryException.Kind.UNREACHABLE, 0, 0, "connection refused");

        assertThat(IngestProducers.classified(new SerializationException("no schema id", unreachable)))
                .isInstanceOf(PublishUnavailableException.class);
    }

    @Test
    void treats_refusals_an_operator_must_fix_as_failures() {
        SchemaRegistryException incompatible = new SchemaRegistryException(
                SchemaRegistryException.Kind.INCOMPATIBLE_SCHEMA, 409, 409, "incompatible");

        assertThat(IngestProducers.classified(new SerializationException("no schema id", incompatible)))
                .isInstanceOf(PublishFailedException.class);
        assertThat(IngestProducers.classified(new TopicAuthorizationException("denied")))
                .isInstanceOf(PublishFailedException.class);
        assertThat(IngestProducers.classified(new RecordTooLargeException("too large")))
                .isInstanceOf(PublishFailedException.class);
    }
}
