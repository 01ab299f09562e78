package org.instantfeedback.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SchemaRegistrySettingsTest {

    @Test
    void reads_confluent_keys_with_confluent_defaults() {
        SchemaRegistrySettings settings = SchemaRegistrySettings.from(Map.of("schema.registry.url", "http://r:8081/"));

        assertThat(settings.urls()).containsExactly(URI.create("http://r:8081"));
        assertThat(settings.autoRegisterSchemas()).isTrue();
        assertThat(settings.useLatestVersion()).isFalse();
        assertThat(settings.authorization()).isEmpty();
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void takes_several_urls_separated_by_commas() {
        SchemaRegistrySettings settings = SchemaRegistrySettings.from(
                Map.of("schema.registry.url", "http://a:8081, https://b:8081"));

        assertThat(settings.urls()).containsExactly(URI.create("http://a:8081"), URI.create("https://b:8081"));
    }

    @Test
    void sends_basic_credentials_from_user_info() {
        SchemaRegistrySettings settings = SchemaRegistrySettings.from(Map.of(
                "schema.registry.url", "https://registry.example",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "key:secret"));

        assertThat(settings.authorization()).contains(
                "Basic " + Base64.getEncoder().encodeToString("key:secret".getBytes()));
    }

    @Test
    void accepts_keys_with_the_schema_registry_prefix() {
        SchemaRegistrySettings settings = SchemaRegistrySettings.from(Map.of(
                "schema.registry.url", "https://registry.example",
                "schema.registry.basic.auth.credentials.source", "USER_INFO",
                "schema.registry.basic.auth.user.info", "key:secret",
                "schema.registry.auto.register.schemas", "false"));

        assertThat(settings.authorization()).isPresent();
        assertThat(settings.autoRegisterSchemas()).isFalse();
    }

    @Test
    void takes_credentials_from_the_url_by_default() {
        SchemaRegistrySettings settings = SchemaRegistrySettings.from(
                Map.of("schema.registry.url", "https://user:pw@registry.example"));

        assertThat(settings.authorization()).contains(
                "Basic " + Base64.getEncoder().encodeToString("user:pw".getBytes()));
    }

    @Test
    void sends_a_static_bearer_token() {
        SchemaRegistrySettings settings = SchemaRegistrySettings.from(Map.of(
                "schema.registry.url", "https://registry.example",
                "bearer.auth.credentials.source", "STATIC_TOKEN",
                "bearer.auth.token", "t0ken"));

        assertThat(settings.authorization()).contains("Bearer t0ken");
    }

    @Test
    void names_the_missing_url() {
        assertThatThrownBy(() -> SchemaRegistrySettings.from(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void names_a_malformed_setting() {
        assertThatThrownBy(() -> SchemaRegistrySettings.from(
                Map.of("schema.registry.url", "http://r", "auto.register.schemas", "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto.register.schemas");
        assertThatThrownBy(() -> SchemaRegistrySettings.from(Map.of("schema.registry.url", "registry:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http://");
        assertThatThrownBy(() -> SchemaRegistrySettings.from(Map.of("schema.registry.url", "http://r",
                "basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info");
    }

    @Test
    void recognises_the_in_memory_registry_for_tests() {
        SchemaRegistrySettings settings = SchemaRegistrySettings.from(Map.of("schema.registry.url", "mock://unit"));

        assertThat(settings.isMock()).isTrue();
        assertThat(settings.mockScope()).isEqualTo("unit");
    }

    @Test
    void prints_urls_without_their_credentials() {
        assertThat(SchemaRegistrySettings.printable("https://key:s3cret@registry.example/apis/ccompat/v7,http://b:8081"))
                .isEqualTo("https://***@registry.example/apis/ccompat/v7,http://b:8081");
        assertThat(SchemaRegistrySettings.printable("http://registry:8081/path@v1")).isEqualTo("http://registry:8081/path@v1");
    }
}
