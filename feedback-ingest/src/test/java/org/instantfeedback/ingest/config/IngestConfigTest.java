package org.instantfeedback.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.instantfeedback.config.ConfigVariable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestConfigTest {

    @Test
    void uses_the_documented_defaults_when_nothing_is_set() {
        IngestConfig config = IngestConfig.from(Map.of());

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        assertThat(config.publishTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.retryAfterSeconds()).isEqualTo(5);
        assertThat(config.maxBodyBytes()).isEqualTo(16_384);
    }

    @Test
    void documents_every_default_it_applies() {
        Map<String, String> defaults = new HashMap<>();
        for (ConfigVariable variable : IngestConfig.VARIABLES) {
            defaults.put(variable.name(), variable.defaultValue());
        }

        IngestConfig documented = IngestConfig.from(defaults);
        IngestConfig implicit = IngestConfig.from(Map.of());

        assertThat(documented).usingRecursiveComparison().ignoringFields("kafka").isEqualTo(implicit);
        assertThat(documented.kafka()).containsAllEntriesOf(implicit.kafka());
        assertThat(IngestConfig.VARIABLES).extracting(ConfigVariable::name).contains(
                "INGEST_HTTP_PORT", "KAFKA_BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_URL", "INGEST_PUBLISH_TIMEOUT_MS",
                "INGEST_RETRY_AFTER_SECONDS", "INGEST_MAX_BODY_BYTES");
        assertThat(IngestConfig.VARIABLES).noneMatch(ConfigVariable::required);
    }

    @Test
    void reads_what_the_operator_sets() {
        IngestConfig config = IngestConfig.from(Map.of(
                "INGEST_HTTP_PORT", "0",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "SCHEMA_REGISTRY_URL", "https://registry.example:8081",
                "INGEST_PUBLISH_TIMEOUT_MS", "1500",
                "INGEST_RETRY_AFTER_SECONDS", "30",
                "INGEST_MAX_BODY_BYTES", "4096"));

        assertThat(config.httpPort()).isZero();
        assertThat(config.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("https://registry.example:8081");
        assertThat(config.publishTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.retryAfterSeconds()).isEqualTo(30);
        assertThat(config.maxBodyBytes()).isEqualTo(4096);
    }

    @Test
    void passes_every_kafka_and_registry_variable_through_as_client_settings() {
        IngestConfig config = IngestConfig.from(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_JAAS_CONFIG", "secret",
                "KAFKA_HEAP_OPTS", "-Xmx1g",
                "SCHEMA_REGISTRY_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO",
                "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "user:password",
                "PATH", "/usr/bin"));

        assertThat(config.kafka()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", "secret")
                .containsEntry("bootstrap.servers", "localhost:9092")
                .doesNotContainKey("heap.opts");
        assertThat(config.schemaRegistry()).containsEntry("schema.registry.basic.auth.user.info", "user:password")
                .containsEntry("schema.registry.url", "http://localhost:8081")
                .hasSize(3);
    }

    @Test
    void treats_blank_values_as_unset() {
        IngestConfig config = IngestConfig.from(Map.of("INGEST_HTTP_PORT", " ", "KAFKA_BOOTSTRAP_SERVERS", ""));

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
    }

    @ParameterizedTest
    @CsvSource({
        "INGEST_HTTP_PORT, eighty",
        "INGEST_HTTP_PORT, 70000",
        "INGEST_HTTP_PORT, -1",
        "INGEST_PUBLISH_TIMEOUT_MS, 0",
        "INGEST_PUBLISH_TIMEOUT_MS, 5s",
        "INGEST_RETRY_AFTER_SECONDS, 0",
        "INGEST_MAX_BODY_BYTES, 10",
        "INGEST_MAX_BODY_BYTES, 16KiB",
        "KAFKA_ACKS, 1",
        "KAFKA_ENABLE_IDEMPOTENCE, false",
        "SCHEMA_REGISTRY_URL, localhost:8081"
    })
    void refuses_a_malformed_value_naming_the_variable(String variable, String value) {
        assertThatThrownBy(() -> IngestConfig.from(Map.of(variable, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(variable);
    }

    @Test
    void accepts_the_only_safe_producer_guarantees_when_given_explicitly() {
        IngestConfig config = IngestConfig.from(Map.of("KAFKA_ACKS", "all", "KAFKA_ENABLE_IDEMPOTENCE", "TRUE"));

        assertThat(config.kafka()).containsEntry("acks", "all");
    }
}
